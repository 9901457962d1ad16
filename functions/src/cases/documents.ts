import type { CaseDocument, Delivery, StaffActionRequest } from '@ah-tourism/shared';
import { formatTemplateTime } from '@ah-tourism/shared';
import type { CaseRecord, IssuedDocument } from './records';

/**
 * The documents a transition issues, composed from the case data. Their numbers come from a counter
 * per organisation, kind and year: 黄文旅许〔2026〕12号.
 */
export type DocumentKind = CaseDocument['kind'];
export type { IssuedDocument } from './records';

const TITLES: Record<DocumentKind, { title: string; code: string }> = {
  supplement_notice: { title: '补正材料一次性告知书', code: '补告' },
  acceptance_notice: { title: '受理通知书', code: '受' },
  non_acceptance_decision: { title: '不予受理决定书', code: '不受' },
  approval_decision: { title: '准予行政许可决定书', code: '许' },
  refusal_decision: { title: '不予行政许可决定书', code: '不许' },
  filing_receipt: { title: '备案登记证明', code: '备' },
  filing_refusal: { title: '不予备案通知书', code: '不备' },
  confirmation_decision: { title: '行政确认决定书', code: '确' },
  non_confirmation_decision: { title: '不予确认决定书', code: '不确' },
  service_reply: { title: '办理结果告知书', code: '办' },
  service_refusal: { title: '不予办理告知书', code: '不办' },
};

/** A document's title (文书名称). */
export const documentTitle = (kind: DocumentKind): string => TITLES[kind].title;

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

/** The facts of the case a document's text names; none of them changes after submission. */
type CaseFacts = Pick<CaseRecord, 'applicantDisplayName' | 'submittedAt' | 'itemName' | 'caseNumber'>;

export function issueDocument(
  kind: DocumentKind,
  input: {
    record: Pick<CaseRecord, 'organisationName'>;
    request: StaffActionRequest;
    number: string;
    issuedAt: string;
    defects?: { subject: string; reason: string }[];
    completionDueAt?: string;
    completionDays?: number;
    basis?: string;
    licence?: IssuedDocument['licence'];
  },
): IssuedDocument {
  const { request } = input;
  const uses = USES[kind];
  return {
    kind,
    template: 1,
    number: input.number,
    issuedAt: input.issuedAt,
    issuer: input.record.organisationName,
    ...(uses.opinion && request.opinion ? { opinion: request.opinion } : {}),
    ...(uses.reason && request.reason ? { reason: request.reason } : {}),
    ...(uses.reason && request.legalRemedy ? { legalRemedy: request.legalRemedy } : {}),
    ...(kind === 'acceptance_notice' && input.completionDays !== undefined ? { completionDays: input.completionDays } : {}),
    ...(kind === 'acceptance_notice' && input.completionDueAt ? { completionDueAt: input.completionDueAt } : {}),
    ...(input.defects ? { defects: input.defects } : {}),
    ...(input.basis ? { basis: input.basis } : {}),
    ...(input.licence ? { licence: input.licence } : {}),
  };
}

/** Which of the request's texts each kind of document quotes. */
const USES: Record<DocumentKind, { opinion: boolean; reason: boolean }> = {
  supplement_notice: { opinion: false, reason: false },
  acceptance_notice: { opinion: true, reason: false },
  non_acceptance_decision: { opinion: false, reason: true },
  approval_decision: { opinion: true, reason: false },
  refusal_decision: { opinion: false, reason: true },
  filing_receipt: { opinion: true, reason: false },
  filing_refusal: { opinion: false, reason: true },
  confirmation_decision: { opinion: true, reason: false },
  non_confirmation_decision: { opinion: false, reason: true },
  service_reply: { opinion: true, reason: false },
  service_refusal: { opinion: false, reason: true },
};

/** Template 1's paragraphs. */
function paragraphsV1(document: IssuedDocument, facts: CaseFacts): string[] {
  const basis = document.basis ?? '有关法律法规';
  const opening = `${facts.applicantDisplayName}：\n你（单位）于${formatTemplateTime(facts.submittedAt)}提交的“${facts.itemName}”申请（办件编号 ${facts.caseNumber}），`;
  switch (document.kind) {
    case 'supplement_notice':
      return [
        `${opening}经网上预审，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你需要补正的全部内容（见下表）。`,
        '请补正后通过本平台重新提交，只需重新上传上述材料。补正期间不计入办理时限。本告知书所列以外的材料和条件，不作为受理的要求。',
      ];
    case 'acceptance_notice':
      return [
        `${opening}申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。`,
        `承诺办结时限：${document.completionDays ?? ''}个工作日${document.completionDueAt ? `（${formatTemplateTime(new Date(Date.parse(document.completionDueAt) - 60_000).toISOString()).slice(0, 11)}前）` : ''}。现场核查、专家评审、听证等特别程序所需时间不计入办理时限。`,
        ...(document.opinion ? [`受理意见：${document.opinion}`] : []),
      ];
    case 'non_acceptance_decision':
      return [`${opening}根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理。`, `理由：${document.reason ?? ''}`, document.legalRemedy ?? ''];
    case 'approval_decision':
      return [
        `${opening}经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。`,
        ...(document.opinion ? [`审批意见：${document.opinion}`] : []),
        ...(document.licence ? [`现颁发${document.licence.typeName}（电子证照），证照编号 ${document.licence.number}，可在“我的证照”中查看、出示和核验。`] : []),
      ];
    case 'refusal_decision':
      return [
        `${opening}经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。`,
        `理由：${document.reason ?? ''}`,
        document.legalRemedy ?? '',
      ];
    case 'filing_receipt':
      return [`${opening}经核对，备案材料齐全、符合规定。根据${basis}的规定，予以备案登记。`, ...(document.opinion ? [`备案意见：${document.opinion}`] : [])];
    case 'filing_refusal':
      return [`${opening}经核对，不符合${basis}规定的备案要求，不予备案。`, `理由：${document.reason ?? ''}`, document.legalRemedy ?? ''];
    case 'confirmation_decision':
      return [`${opening}经审查，符合${basis}规定的条件和标准，予以确认。`, ...(document.opinion ? [`确认意见：${document.opinion}`] : [])];
    case 'non_confirmation_decision':
      return [`${opening}经审查，不符合${basis}规定的条件和标准，不予确认。`, `理由：${document.reason ?? ''}`, document.legalRemedy ?? ''];
    case 'service_reply':
      return [`${opening}已按照${basis}的规定办理完毕。`, ...(document.opinion ? [`办理结果：${document.opinion}`] : [])];
    case 'service_refusal':
      return [`${opening}经审查，不符合${basis}规定的办理条件，不予办理。`, `理由：${document.reason ?? ''}`, document.legalRemedy ?? ''];
  }
}

/**
 * The document as readers see it. Rows written before documents were kept as facts hold the text
 * itself and are shown as stored.
 */
export function renderDocument(stored: IssuedDocument | CaseDocument, facts: CaseFacts): CaseDocument {
  if ('paragraphs' in stored) return stored;
  return {
    documentId: `${stored.kind}-${stored.number.replace(/[^0-9]/g, '')}`,
    kind: stored.kind,
    title: TITLES[stored.kind].title,
    number: stored.number,
    issuedAt: stored.issuedAt,
    issuer: stored.issuer,
    paragraphs: paragraphsV1(stored, facts).filter(Boolean),
    ...(stored.defects ? { defects: stored.defects } : {}),
    ...(stored.licence ? { licence: stored.licence } : {}),
  };
}
