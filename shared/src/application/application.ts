import '../zod-locale';
import * as z from 'zod';
import type { ImplementationItem, Material } from '../catalog/guide';
import { appliesThroughAgent, applicantSchema } from './applicant';
import { typedText } from '../text/free-text';
import { fieldsSchema } from './fields';

import { MATERIAL_TYPES, MAX_FILES_PER_MATERIAL, MAX_MATERIAL_BYTES } from './material-files';
import { commitmentTextHash } from './commitment';

export { MATERIAL_TYPES, MAX_FILES_PER_MATERIAL, MAX_GUIDE_MATERIALS, MAX_MATERIAL_BYTES, type MaterialContentType } from './material-files';

/**
 * A file the phone uploaded. It also tells the type and size it declared for the upload ticket: with
 * both, submission proves the file by its upload verdict inside the case's own transaction instead of
 * reading the verdict first (older phones leave them out and their files are read as before).
 */
export const uploadedFileSchema = z.object({
  key: z.string().min(1).max(300),
  fileName: typedText('文件名').min(1).max(120),
  contentType: z.enum(MATERIAL_TYPES).optional().meta({ description: '上传时声明的文件类型（与申请上传凭证时一致）' }),
  size: z.number().int().min(1).max(MAX_MATERIAL_BYTES).optional().meta({ description: '上传时声明的文件大小（字节）' }),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** 告知承诺: the applicant confirmed the commitment text of the guide version, identified by its SM3 hash. */
export const commitmentConfirmationSchema = z
  .object({
    textHash: z.string().regex(/^[0-9a-f]{64}$/, '承诺内容摘要格式不正确').meta({ description: '承诺内容的 SM3 摘要' }),
  })
  .meta({ id: 'CommitmentConfirmation' });
export const commitmentsSchema = z
  .record(z.string().max(40), commitmentConfirmationSchema)
  .optional()
  .meta({ description: '告知承诺（按材料标识）' });

/**
 * Problems with the commitments an application claims: for a material that does not allow one, or with
 * a text hash other than the guide version's. What is missing is the form schema's concern.
 */
export function commitmentProblems(item: Pick<ImplementationItem, 'guide'>, commitments: Record<string, { textHash?: unknown }> | undefined): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [id, confirmation] of Object.entries(commitments ?? {})) {
    const material = item.guide.materials.find((m) => m.id === id);
    if (!material) problems.push({ path: `commitments.${id}`, message: '办事指南中没有这项材料' });
    else if (!material.commitment) problems.push({ path: `commitments.${id}`, message: `“${material.name}”不适用告知承诺制，请按要求提交材料` });
    else if (confirmation?.textHash !== commitmentTextHash(material.commitment.text)) {
      problems.push({ path: `commitments.${id}`, message: `“${material.name}”的承诺内容已更新，请重新阅读并确认` });
    }
  }
  return problems;
}

/** What a material slot needs, given who applies. */
export type MaterialRequirement = 'upload_required' | 'upload_optional' | 'from_licence';

export function materialRequirement(material: Material, throughAgent: boolean): MaterialRequirement | 'not_applicable' {
  if (material.source === 'issued_licence') return 'from_licence';
  if (material.necessity === 'required') return 'upload_required';
  if (material.requiredWhen === 'agent') return throughAgent ? 'upload_required' : 'not_applicable';
  return 'upload_optional';
}

/**
 * The schema of an application for one implementation-list entry: applicant, the item's declared
 * fields and one or more files per material the guide asks to upload. Built from the guide, so it
 * cannot require anything the guide does not list. Used by the phone before submitting and by the
 * function on receipt.
 */
export function applicationSchema(item: Pick<ImplementationItem, 'implementationCode' | 'applicationFields' | 'guide'> & { optionRules?: ImplementationItem['optionRules'] }) {
  const materials = item.guide.materials;
  return z
    .object({
      implementationCode: z.literal(item.implementationCode, { error: '申请的事项与办事指南不一致' }),
      applicant: applicantSchema,
      fields: fieldsSchema(item.applicationFields, item.optionRules),
      materials: z.record(z.string(), z.array(uploadedFileSchema).min(1).max(MAX_FILES_PER_MATERIAL, `每项材料最多上传${MAX_FILES_PER_MATERIAL}个文件`)),
      commitments: commitmentsSchema,
    })
    .superRefine(
      (application, ctx) => {
        // Runs even when other fields failed (see `when`), so the phone gets every problem at once — the
        // one-time notice (一次性告知) starts with the form itself. Input may therefore be partly invalid.
        const applicant = (application.applicant ?? {}) as { kind?: string; agent?: unknown };
        const uploaded = (application.materials ?? {}) as Record<string, unknown[] | undefined>;
        const committed = (application.commitments ?? {}) as Record<string, unknown>;
        const throughAgent = appliesThroughAgent(applicant);
        const allowed = allowedApplicantKinds(item.guide.serviceObjects);
        if (applicant.kind && !allowed.includes(applicant.kind as 'person' | 'enterprise')) {
          ctx.addIssue({
            code: 'custom',
            path: ['applicant', 'kind'],
            message: applicant.kind === 'person' ? '本事项仅受理企业或其他组织的申请' : '本事项仅受理个人申请',
          });
        }
        for (const material of materials) {
          const requirement = materialRequirement(material, throughAgent);
          const files = uploaded[material.id];
          const promised = material.commitment !== undefined && committed[material.id] !== undefined;
          if (requirement === 'upload_required' && !files?.length && !promised) {
            ctx.addIssue({
              code: 'custom',
              path: ['materials', material.id],
              message: material.commitment ? `请上传“${material.name}”，或阅读并确认告知承诺` : `请上传“${material.name}”`,
            });
          }
          if (promised && files?.length) {
            ctx.addIssue({ code: 'custom', path: ['materials', material.id], message: `“${material.name}”已选择告知承诺，无需再上传文件` });
          }
          if ((requirement === 'from_licence' || requirement === 'not_applicable') && files?.length) {
            ctx.addIssue({
              code: 'custom',
              path: ['materials', material.id],
              message: requirement === 'from_licence' ? `“${material.name}”由电子证照自动获取，无需上传` : `本次申请无需提交“${material.name}”`,
            });
          }
        }
        for (const id of Object.keys(uploaded)) {
          if (!materials.some((m) => m.id === id)) {
            ctx.addIssue({ code: 'custom', path: ['materials', id], message: '办事指南中没有这项材料' });
          }
        }
        for (const problem of commitmentProblems(item, committed as Record<string, { textHash?: unknown }>)) {
          ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
        }
      },
      { when: () => true },
    );
}

/** Which applicant kinds a guide's service objects (服务对象) admit. */
export function allowedApplicantKinds(serviceObjects: readonly string[]): ('person' | 'enterprise')[] {
  return [
    ...(serviceObjects.includes('natural_person') ? (['person'] as const) : []),
    ...(serviceObjects.some((o) => o === 'legal_person' || o === 'other_organisation') ? (['enterprise'] as const) : []),
  ];
}
export type Application = z.output<ReturnType<typeof applicationSchema>>;
export type ApplicationInput = z.input<ReturnType<typeof applicationSchema>>;

/** The shape every application has, whatever the item: what the API documents and checks first. */
export const applicationRequestSchema = z
  .object({
    implementationCode: z.string().meta({ description: '实施编码' }),
    applicant: applicantSchema,
    fields: z.record(z.string(), z.unknown()).meta({ description: '事项专属字段，按办事指南中 applicationFields 的定义' }),
    materials: z.record(z.string(), z.array(uploadedFileSchema)).meta({ description: '按材料标识列出已上传的文件' }),
    commitments: commitmentsSchema,
  })
  .meta({ id: 'ApplicationRequest', description: '在线申请' });
