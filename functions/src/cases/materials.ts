import {
  MATERIAL_TYPES,
  MAX_MATERIAL_BYTES,
  appliesThroughAgent,
  maskPersonalNumbers,
  materialRequirement,
  type Application,
  type FieldIssue,
  type ImplementationItem,
  type MaterialContentType,
  type UploadedFile,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../platform/errors';
import { licenceStanding, unusableMessage, type LicenceWallet } from '../licences/wallet';
import { EXTENSION_OF_TYPE, MAX_IMAGE_PIXELS, declaredTypeOfKey, sniffMaterialType, type ContentFinding, type ContentProblem } from './file-type';
import { uploadPrefix } from './keys';
import type { MaterialInspector } from './material-storage';
import type { MaterialRecord, StoredFile, UploadProof } from './records';

/** What the upload-completed event recorded about a file: its size, the type its first bytes show, the whole-file check. */
export interface UploadVerdict {
  owner: string;
  size: number;
  contentType: MaterialContentType | undefined;
  content?: ContentFinding;
}

/** Verdicts recorded when uploads completed; a key without one is simply absent from the answer. */
export interface UploadVerdicts {
  read(keys: string[]): Promise<Map<string, UploadVerdict>>;
}

/** How submission learns about uploaded files: recorded verdicts first, the object itself otherwise. */
export interface MaterialFiles {
  inspector: MaterialInspector;
  verdicts?: UploadVerdicts;
}

/** Verdicts already in hand (declared, or what a cancelled transaction showed), answered without a read. */
const knownVerdicts = (verdicts: Map<string, UploadVerdict>): UploadVerdicts => ({
  read: async (keys) => new Map(keys.flatMap((key): [string, UploadVerdict][] => (verdicts.has(key) ? [[key, verdicts.get(key)!]] : []))),
});

type Wanted = { material: { id: string; name: string }; uploads: UploadedFile[] }[];

/**
 * The verdicts an application's own declarations stand for, when every file is the caller's, named once
 * and declared with its type and size: taken as accepted, to be proven by the case's transaction.
 * Otherwise undefined, and the verdicts are read, so every problem is found before answering.
 */
export function declaredVerdicts(caller: Caller, wanted: Wanted): Map<string, UploadVerdict> | undefined {
  const prefix = uploadPrefix(caller.userId);
  const files = wanted.flatMap(({ uploads }) => uploads);
  if (new Set(files.map((file) => file.key)).size !== files.length) return undefined;
  const declared = new Map<string, UploadVerdict>();
  for (const { key, contentType, size } of files) {
    if (!key.startsWith(prefix) || !contentType || !size) return undefined;
    declared.set(key, { owner: caller.userId, size, contentType, content: 'sound' });
  }
  return declared;
}

/** Size, real type and content check of one file: its verdict when one was recorded, else one inspection of the object. */
async function examine(files: MaterialFiles, verdicts: Map<string, UploadVerdict>, key: string, owner: string) {
  const verdict = verdicts.get(key);
  if (verdict && verdict.owner === owner) return { size: verdict.size, type: verdict.contentType, content: verdict.content, fromVerdict: true };
  const found = await files.inspector.inspect(key);
  return found && { size: found.size, type: sniffMaterialType(found.head), content: found.content, fromVerdict: false };
}

const NOT_A_MATERIAL = '不是有效的 PDF、JPG 或 PNG 文件，请重新上传';
const TYPE_LABELS: Record<MaterialContentType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** What the applicant is told (after “<material name>”) about a file whose whole content failed the check. */
function contentMessage(problem: ContentProblem, actual: MaterialContentType, declared: MaterialContentType | undefined): string {
  const label = TYPE_LABELS[actual];
  switch (problem) {
    case 'type_mismatch':
      return `的内容是 ${label} 文件，与文件扩展名${declared ? ` .${EXTENSION_OF_TYPE[declared]} ` : ''}不符，请改正扩展名后重新上传`;
    case 'damaged':
      return `不是完整有效的 ${label} 文件，请重新保存或导出后上传`;
    case 'trailing_data':
      return `不是完整有效的 ${label} 文件：文件末尾附带了其他内容，请重新保存或导出后上传`;
    case 'too_many_pixels':
      return `的图片超过${MAX_IMAGE_PIXELS / 10_000}万像素，请缩小尺寸后重新上传`;
    case 'unrecognised':
      return NOT_A_MATERIAL;
  }
}

/**
 * Checks uploaded files, all at once: the caller's own, present, non-empty, within the cap, really
 * PDF/JPG/PNG, whole and of the declared type. One BatchGetItem reads the verdicts recorded at upload;
 * only files without one are inspected (one inspection each). Problems are collected per file so the
 * applicant hears them all.
 */
export async function checkUploads(files: MaterialFiles, caller: Caller, wanted: Wanted): Promise<{ stored: Map<string, StoredFile[]>; issues: FieldIssue[] }> {
  const { stored, issues } = await examineUploads(files, caller, wanted);
  return { stored, issues };
}

/** The checks of `checkUploads`, with the proof each file accepted on its verdict gives for the case's transaction. */
async function examineUploads(files: MaterialFiles, caller: Caller, wanted: Wanted): Promise<{ stored: Map<string, StoredFile[]>; issues: FieldIssue[]; proofs: UploadProof[] }> {
  const prefix = uploadPrefix(caller.userId);
  const keys = [...new Set(wanted.flatMap(({ uploads }) => uploads.map((u) => u.key)).filter((key) => key.startsWith(prefix)))];
  const verdicts = files.verdicts && keys.length ? await files.verdicts.read(keys) : new Map<string, UploadVerdict>();
  // One slot per file, so problems come out in guide and file order whatever finishes first.
  const slots: FieldIssue[][] = [];
  const seen = new Set<string>();
  const stored = new Map<string, StoredFile[]>(wanted.map(({ material }) => [material.id, []]));
  const onVerdict = new Set<string>();
  const checks = wanted.flatMap(({ material, uploads }) =>
    uploads.map((file, index) => {
      const path = `materials.${material.id}[${index}]`;
      const slot: FieldIssue[] = [];
      slots.push(slot);
      const problem = (message: string) => slot.push({ path, message: `“${material.name}”${message}` });
      if (!file.key.startsWith(prefix) || seen.has(file.key)) {
        problem('的文件无效，请重新上传');
        return Promise.resolve();
      }
      seen.add(file.key);
      return examine(files, verdicts, file.key, caller.userId).then((found) => {
        if (!found) return problem('的文件未上传成功，请重新上传');
        if (found.size === 0) return problem('的文件是空的，请重新上传');
        if (found.size > MAX_MATERIAL_BYTES) return problem(`的文件超过${MAX_MATERIAL_BYTES / 1024 / 1024}MB，请压缩后重新上传`);
        const { type, content } = found;
        if (!type || !MATERIAL_TYPES.includes(type)) return problem(NOT_A_MATERIAL);
        if (content && content !== 'sound') return problem(contentMessage(content, type, declaredTypeOfKey(file.key)));
        // Masked once, here: a file name only labels the document, and every reader (the applicant, the
        // handling staff, provincial supervision, the download's Content-Disposition) gets the same one.
        stored.get(material.id)!.push({ index, key: file.key, fileName: maskPersonalNumbers(file.fileName), size: found.size, contentType: type });
        if (found.fromVerdict) onVerdict.add(file.key);
      });
    }),
  );
  await Promise.all(checks);
  for (const list of stored.values()) list.sort((a, b) => a.index - b.index);
  const proofs = [...stored.values()].flat().filter((file) => onVerdict.has(file.key)).map(({ key, size, contentType }) => ({ key, owner: caller.userId, size, contentType }));
  return { stored, issues: slots.flat(), proofs };
}

/**
 * A material an issued licence proves: verified, with the licence used and its state then, when the
 * applicant's wallet holds a valid one; refused when it holds it only revoked, suspended, cancelled or
 * expired; otherwise awaiting the wallet (not found, or the provincial service did not answer), for
 * staff to check.
 */
function resolvedLicence(name: string, issuer: string, wallet: LicenceWallet | undefined, today: string): NonNullable<MaterialRecord['licence']> | { problem: string } {
  const standing = licenceStanding(wallet, name, today);
  if (!standing) return { name, issuer, status: 'awaiting_wallet' };
  const { licence } = standing;
  if (!standing.usable) return { problem: unusableMessage(licence, standing.problem) };
  return {
    name,
    issuer: licence.issuer,
    status: 'verified',
    number: licence.number,
    source: licence.source,
    ...(licence.licenceId ? { licenceId: licence.licenceId } : {}),
    stateAtSubmission: 'valid',
    ...(licence.validUntil ? { validUntil: licence.validUntil } : {}),
  };
}

/**
 * What a cancelled transaction showed of the verdicts it checked: those whose proof held say what was
 * proven; the refuted ones are as they are now (absent when there is none, so the file is inspected).
 */
export function verdictsAfterProofs(proofs: UploadProof[], refuted: Map<string, UploadVerdict | undefined>): Map<string, UploadVerdict> {
  return new Map(
    proofs.flatMap(({ key, owner, size, contentType }): [string, UploadVerdict][] => {
      if (!refuted.has(key)) return [[key, { owner, size, contentType, content: 'sound' }]];
      const now = refuted.get(key);
      return now ? [[key, now]] : [];
    }),
  );
}

/**
 * Every material of the guide as the case records it (checked uploads, or the licence that proves it),
 * with the proof of each upload for the case's transaction. The verdicts come from what a cancelled
 * transaction showed (`seen`), else from the application's own declarations, else from a read.
 */
export async function verifyMaterials(
  files: MaterialFiles,
  caller: Caller,
  item: ImplementationItem,
  application: Application,
  wallet: Promise<LicenceWallet | undefined>,
  today: string,
  seen?: Map<string, UploadVerdict>,
): Promise<{ materials: MaterialRecord[]; proofs: UploadProof[] }> {
  const throughAgent = appliesThroughAgent(application.applicant);
  const uploaded = item.guide.materials.filter((material) => materialRequirement(material, throughAgent) !== 'from_licence');
  const wanted = uploaded.map((material) => ({ material, uploads: application.materials[material.id] ?? [] }));
  const verdicts = seen ?? declaredVerdicts(caller, wanted);
  const [{ stored, issues, proofs }, held] = await Promise.all([
    examineUploads(verdicts ? { inspector: files.inspector, verdicts: knownVerdicts(verdicts) } : files, caller, wanted),
    wallet,
  ]);
  // A licence held only in a state that may not be used is refused before anything else: no upload fixes it.
  const licences = new Map(
    item.guide.materials
      .filter((material) => materialRequirement(material, throughAgent) === 'from_licence')
      .map((material) => [material.id, resolvedLicence(material.licenceName ?? material.name, material.issuer ?? '', held, today)]),
  );
  const unusable = [...licences].flatMap(([id, found]): FieldIssue[] => ('problem' in found ? [{ path: `materials.${id}`, message: found.problem }] : []));
  if (unusable.length) throw new AppError('APPLY_LICENCE_UNUSABLE', undefined, [...unusable, ...issues]);
  if (issues.length) throw new AppError('APPLY_MATERIAL_INVALID', undefined, issues);
  const materials = item.guide.materials.flatMap((material, order): MaterialRecord[] => {
    const licence = licences.get(material.id);
    if (licence && !('problem' in licence)) {
      return [{ order, materialId: material.id, name: material.name, source: 'issued_licence', licenceName: material.licenceName, licence, files: [] }];
    }
    const files = stored.get(material.id) ?? [];
    return files.length ? [{ order, materialId: material.id, name: material.name, source: 'applicant', files }] : [];
  });
  return { materials, proofs };
}
