import type { CaseDocument, Delivery, StaffActionRequest } from '@ah-tourism/shared';
import { formatTemplateTime } from '@ah-tourism/shared';
import type { CaseRecord } from './records';

/**
 * The documents a transition issues, composed from the case data. Their numbers come from a counter
 * per organisation, kind and year: 黄文旅许〔2026〕12号.
 */
export type DocumentKind = CaseDocument['kind'];

const TITLES: Record<DocumentKind, { title: string; code: string }> = {
  supplement_notice: { title: '补正材料一次性告知书', code: '补告' },
  acceptance_notice: { title: '受理通知书', code: '受' },
  non_acceptance_decision: { title: '不予受理决定书', code: '不受' },
  approval_decision: { title: '准予行政许可决定书', code: '许' },
  refusal_decision: { title: '不予行政许可决定书', code: '不许' },
};

/** 安徽省文化和旅游厅 → 皖文旅; 黄山市文化和旅游局 → 黄文旅. */
export function issuerPrefix(organisationName: string): string {
  return organisationName.startsWith('安徽省') ? '皖文旅' : `${organisationName.slice(0, 1)}文旅`;
}

export function documentNumber(kind: DocumentKind, organisationName: string, year: number, serial: number): string {
  return `${issuerPrefix(organisationName)}${TITLES[kind].code}〔${year}〕${serial}号`;
}

const DELIVERY_TEXT = (delivery: Delivery) =>
  delivery.method === 'electronic' ? '电子送达' : delivery.method === 'post' ? `邮寄送达（快递单号 ${delivery.trackingNumber}）` : `窗口领取（${delivery.hall}）`;
export { DELIVERY_TEXT as deliveryText };

export function composeDocument(
  kind: DocumentKind,
  input: {
    record: CaseRecord;
    request: StaffActionRequest;
    number: string;
    issuedAt: string;
    defects?: { subject: string; reason: string }[];
    completionDueAt?: string;
    completionDays?: number;
  },
): CaseDocument {
  const { record, request } = input;
  const opening = `${record.applicantDisplayName}：\n你（单位）于${formatTemplateTime(record.submittedAt)}提交的“${record.itemName}”申请（办件编号 ${record.caseNumber}），`;
  const paragraphs: Record<DocumentKind, string[]> = {
    supplement_notice: [
      `${opening}经网上预审，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你需要补正的全部内容（见下表）。`,
      '请补正后通过本平台重新提交，只需重新上传上述材料。补正期间不计入办理时限。本告知书所列以外的材料和条件，不作为受理的要求。',
    ],
    acceptance_notice: [
      `${opening}申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。`,
      `承诺办结时限：${input.completionDays ?? ''}个工作日${input.completionDueAt ? `（${formatTemplateTime(new Date(Date.parse(input.completionDueAt) - 60_000).toISOString()).slice(0, 11)}前）` : ''}。现场核查、专家评审、听证等特别程序所需时间不计入办理时限。`,
      ...(request.opinion ? [`受理意见：${request.opinion}`] : []),
    ],
    non_acceptance_decision: [
      `${opening}根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理。`,
      `理由：${request.reason ?? ''}`,
      request.legalRemedy ?? '',
    ],
    approval_decision: [
      `${opening}经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。`,
      ...(request.opinion ? [`审批意见：${request.opinion}`] : []),
    ],
    refusal_decision: [
      `${opening}经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。`,
      `理由：${request.reason ?? ''}`,
      request.legalRemedy ?? '',
    ],
  };
  return {
    documentId: `${kind}-${input.number.replace(/[^0-9]/g, '')}`,
    kind,
    title: TITLES[kind].title,
    number: input.number,
    issuedAt: input.issuedAt,
    issuer: record.organisationName,
    paragraphs: paragraphs[kind].filter(Boolean),
    ...(input.defects ? { defects: input.defects } : {}),
  };
}
