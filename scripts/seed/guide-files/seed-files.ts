import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GUIDE_FILE_TYPES,
  guideFilesOf,
  type GuideFile,
  type GuideFileContentType,
} from '../../../shared/src/catalog/guide-file';
import type { ImplementationItem } from '../../../shared/src/catalog/guide';
import { REPO_ROOT } from '../../local/paths';

/*
 * In data/items/*.json a guide file is written `{ "name": "…（空白表格）", "file": "<file in data/guide-files>" }`.
 * The seed reads that file and puts the reference the API serves in its place (name, SHA-256, type, size,
 * pages): the same GuideFile a list editor's upload answers. The bytes go to S3 under their hash.
 */
export const DEFAULT_GUIDE_FILES_DIR = path.join(REPO_ROOT, 'data', 'guide-files');

const TYPE_OF_EXTENSION = new Map<string, GuideFileContentType>(
  (Object.keys(GUIDE_FILE_TYPES) as GuideFileContentType[]).map((type) => [GUIDE_FILE_TYPES[type].extension, type] as const),
);
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.([a-z]+)$/;
const GUIDE_FILE_FIELDS = ['blankForm', 'sample'] as const;
const LABELS = { blankForm: '空白表格', sample: '示例样表', resultSample: '结果样本' } as const;

/** Pages of a PDF written without object streams (as the seed's are): its page objects. */
export function countPdfPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The reference of one seed file; a Chinese message when it cannot be used. */
export function readSeedGuideFile(dir: string, name: string, fileName: string): GuideFile | string {
  const match = FILE_NAME.exec(fileName);
  const contentType = match ? TYPE_OF_EXTENSION.get(match[1]!) : undefined;
  if (!match || !contentType) return `文件名“${fileName}”应为小写字母、数字和连字符，扩展名为 pdf、doc、docx、xls、xlsx、jpg 或 png`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dir, fileName));
  } catch {
    return `找不到文件 data/guide-files/${fileName}`;
  }
  if (contentType === 'application/pdf' && !bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) return `文件 ${fileName} 不是 PDF 文件`;
  const pages = contentType === 'application/pdf' ? countPdfPages(bytes) : 0;
  return { name, fileId: sha256(bytes), contentType, size: bytes.length, ...(pages > 0 ? { pages } : {}) };
}

type Problem = { path: string; message: string };

function resolveOne(value: unknown, where: string, label: string, dir: string, problems: Problem[]): unknown {
  if (typeof value !== 'object' || value === null || !('file' in value)) return value;
  const { name, file, ...rest } = value as { name?: unknown; file?: unknown };
  if (Object.keys(rest).length > 0) {
    problems.push({ path: where, message: `${label}只能写 name（文件名称）和 file（data/guide-files 中的文件）` });
    return undefined;
  }
  if (typeof name !== 'string' || !name.trim()) {
    problems.push({ path: `${where}.name`, message: `缺少${label}的文件名称` });
    return undefined;
  }
  if (typeof file !== 'string') {
    problems.push({ path: `${where}.file`, message: `${label}的 file 应为 data/guide-files 中的文件名` });
    return undefined;
  }
  const resolved = readSeedGuideFile(dir, name.trim(), file);
  if (typeof resolved === 'string') {
    problems.push({ path: `${where}.file`, message: `${label}：${resolved}` });
    return undefined;
  }
  return resolved;
}

/**
 * A (partial) guide with its `{name, file}` references replaced by GuideFile references; `at` prefixes
 * the paths of the problems (`guide`, `implementations[0].guide`). Anything else is left to the schema.
 */
export function resolveGuideFileRefs(
  guide: Record<string, unknown>,
  at: string,
  dir: string = DEFAULT_GUIDE_FILES_DIR,
): { guide: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const out: Record<string, unknown> = { ...guide };
  if (Array.isArray(guide.materials)) {
    out.materials = guide.materials.map((material: unknown, i) => {
      if (typeof material !== 'object' || material === null) return material;
      const copy: Record<string, unknown> = { ...(material as Record<string, unknown>) };
      for (const field of GUIDE_FILE_FIELDS) {
        if (field in copy) copy[field] = resolveOne(copy[field], `${at}.materials[${i}].${field}`, LABELS[field], dir, problems);
      }
      return copy;
    });
  }
  if (typeof guide.result === 'object' && guide.result !== null && 'sample' in guide.result) {
    const result = { ...(guide.result as Record<string, unknown>) };
    result.sample = resolveOne(result.sample, `${at}.result.sample`, LABELS.resultSample, dir, problems);
    out.result = result;
  }
  return { guide: out, problems };
}

/** The distinct files the items refer to, read from the folder by hash: what the seed puts in S3. */
export function seedGuideFileObjects(
  items: readonly ImplementationItem[],
  dir: string = DEFAULT_GUIDE_FILES_DIR,
): { file: GuideFile; bytes: Buffer }[] {
  const wanted = new Map<string, GuideFile>();
  for (const item of items) for (const { file } of guideFilesOf(item.guide)) wanted.set(file.fileId, file);
  const found = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, name));
    const id = sha256(bytes);
    if (wanted.has(id)) found.set(id, bytes);
  }
  return [...wanted.values()].map((file) => {
    const bytes = found.get(file.fileId);
    if (!bytes) throw new Error(`No file in ${dir} has the content of ${file.name} (${file.fileId})`);
    return { file, bytes };
  });
}
