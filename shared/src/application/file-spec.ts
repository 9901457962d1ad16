import * as z from 'zod';
import type { MaterialContentType } from './material-files';

/**
 * What a guide states a material's file must be, machine-readable beside its 受理标准 text (e.g. the
 * 导游证 photo: JPG, at least 358×441 pixels, 20 KB to 200 KB). The phone checks a chosen file against it
 * before uploading, and the upload ticket refuses a declared type or size outside it, so a file that
 * breaks the guide's own rule is never sent back later in a supplement notice.
 */
const FILE_KINDS = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' } as const satisfies Record<string, MaterialContentType>;
export type FileKind = keyof typeof FILE_KINDS;
const FILE_KIND_KEYS = Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]];
const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG' };

const positive = z.number().int().min(1);

export const fileSpecSchema = z
  .object({
    types: z.array(z.enum(FILE_KIND_KEYS)).min(1).optional().meta({ description: '允许的文件格式' }),
    minWidth: positive.optional().meta({ description: '图片最小宽度（像素）' }),
    minHeight: positive.optional().meta({ description: '图片最小高度（像素）' }),
    minKB: positive.optional().meta({ description: '文件大小下限（KB）' }),
    maxKB: positive.optional().meta({ description: '文件大小上限（KB）' }),
    maxPages: positive.optional().meta({ description: 'PDF 文件页数上限' }),
  })
  .refine((spec) => spec.minKB === undefined || spec.maxKB === undefined || spec.minKB <= spec.maxKB, {
    message: '文件大小下限不能大于上限',
    path: ['minKB'],
  })
  .meta({ id: 'FileSpec', description: '材料文件规格（由办事指南规定，上传前检查）' });
export type FileSpec = z.infer<typeof fileSpecSchema>;

/** The wording of a spec and of a file's fault against it, in the app's two languages (the phone's language, the request's on the server). */
export type SpecLanguage = 'zh-CN' | 'en';

const WORDS = {
  'zh-CN': {
    types: (kinds: string) => `${kinds}格式`,
    or: '或',
    pixels: (w: string, h: string) => `不低于${w}×${h}像素`,
    range: (min: string, max: string) => `${min}至${max}`,
    atLeast: (min: string) => `不小于${min}`,
    atMost: (max: string) => `不超过${max}`,
    pages: (n: number) => `不超过${n}页`,
    join: '，',
    rule: (name: string, spec: string) => `“${name}”须为${spec}`,
    wrongType: '所选文件格式不符',
    only: (size: string) => `所选文件只有${size}`,
    has: (size: string) => `所选文件有${size}`,
    image: (w: number, h: number) => `所选图片为${w}×${h}像素`,
    pageCount: (n: number) => `所选文件有${n}页`,
  },
  en: {
    types: (kinds: string) => `a ${kinds} file`,
    or: ' or ',
    pixels: (w: string, h: string) => `at least ${w}×${h} pixels`,
    range: (min: string, max: string) => `${min} to ${max}`,
    atLeast: (min: string) => `at least ${min}`,
    atMost: (max: string) => `at most ${max}`,
    pages: (n: number) => `at most ${n} ${n === 1 ? 'page' : 'pages'}`,
    join: ', ',
    rule: (name: string, spec: string) => `"${name}" must be ${spec}`,
    wrongType: 'the chosen file is of another format',
    only: (size: string) => `the chosen file is only ${size}`,
    has: (size: string) => `the chosen file is ${size}`,
    image: (w: number, h: number) => `the chosen picture is ${w}×${h} pixels`,
    pageCount: (n: number) => `the chosen file has ${n} pages`,
  },
} as const;

/** "20KB", "1.5MB": sizes as the guides write them. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))}MB`;
  return `${Math.round(bytes / 1024)}KB`;
}

/** The spec in the guide's words, e.g. "JPG格式，不低于358×441像素，20KB至200KB". */
export function fileSpecText(spec: FileSpec, language: SpecLanguage = 'zh-CN'): string {
  const w = WORDS[language];
  const parts: string[] = [];
  if (spec.types) parts.push(w.types(spec.types.map((kind) => KIND_LABELS[kind]).join(w.or)));
  if (spec.minWidth || spec.minHeight) parts.push(w.pixels(String(spec.minWidth ?? '—'), String(spec.minHeight ?? '—')));
  if (spec.minKB && spec.maxKB) parts.push(w.range(sizeText(spec.minKB * 1024), sizeText(spec.maxKB * 1024)));
  else if (spec.minKB) parts.push(w.atLeast(sizeText(spec.minKB * 1024)));
  else if (spec.maxKB) parts.push(w.atMost(sizeText(spec.maxKB * 1024)));
  if (spec.maxPages) parts.push(w.pages(spec.maxPages));
  return parts.join(w.join);
}

/** The content types a spec allows (all of them when it names none). */
export const specContentTypes = (spec: FileSpec | undefined): readonly string[] | undefined => spec?.types?.map((kind) => FILE_KINDS[kind]);

/** The size range a spec allows, in bytes (no upper bound when it states none). */
export const specBytes = (spec: FileSpec | undefined): { min: number; max?: number } => ({
  min: (spec?.minKB ?? 0) * 1024,
  ...(spec?.maxKB !== undefined ? { max: spec.maxKB * 1024 } : {}),
});

export interface FileFacts {
  contentType: string;
  size: number;
  /** An image's pixels, when known (the phone reads them before uploading). */
  width?: number;
  height?: number;
  /** A PDF's pages, when known (the phone reads them before uploading). */
  pages?: number;
}

/**
 * What is wrong with a file against the guide's spec, in words the applicant can act on (the rule and
 * what the file is), or null. Pixels and pages are checked only when known.
 */
export function fileSpecProblem(materialName: string, spec: FileSpec | undefined, file: FileFacts, language: SpecLanguage = 'zh-CN'): string | null {
  if (!spec) return null;
  const w = WORDS[language];
  const fault = (what: string) => `${w.rule(materialName, fileSpecText(spec, language))}${w.join}${what}`;
  const types = specContentTypes(spec);
  if (types && !types.includes(file.contentType)) return fault(w.wrongType);
  const { min, max } = specBytes(spec);
  if (file.size < min) return fault(w.only(sizeText(file.size)));
  if (max !== undefined && file.size > max) return fault(w.has(sizeText(file.size)));
  if (file.width !== undefined && file.height !== undefined) {
    const narrow = spec.minWidth !== undefined && file.width < spec.minWidth;
    const short = spec.minHeight !== undefined && file.height < spec.minHeight;
    if (narrow || short) return fault(w.image(file.width, file.height));
  }
  if (file.pages !== undefined && spec.maxPages !== undefined && file.pages > spec.maxPages) return fault(w.pageCount(file.pages));
  return null;
}
