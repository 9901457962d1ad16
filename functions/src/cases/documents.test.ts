import type { StaffActionRequest } from '@ah-tourism/shared';
import { issueDocument, renderDocument } from './documents';

const facts = { applicantDisplayName: '黄山市某某旅行社有限公司', submittedAt: '2026-11-30T02:15:00.000Z', itemName: '旅行社业务经营许可', caseNumber: '20261130341000ABCDEFGH' };
const record = { organisationName: '黄山市文化和旅游局' };
const request = (extra: Partial<StaffActionRequest>) => ({ action: 'accept', version: 1, ...extra }) as StaffActionRequest;

describe('documents kept as the facts they were composed from', () => {
  it('renders an acceptance notice with its promised time and opinion, and keeps no text in the stored form', () => {
    const issued = issueDocument('acceptance_notice', {
      record,
      request: request({ opinion: '材料齐全', reason: '不会被引用' }),
      number: '黄文旅受〔2026〕7号',
      issuedAt: '2026-12-01T01:00:00.000Z',
      completionDueAt: '2026-12-29T16:00:00.000Z',
      completionDays: 20,
    });
    expect(issued).toEqual({
      kind: 'acceptance_notice',
      template: 1,
      number: '黄文旅受〔2026〕7号',
      issuedAt: '2026-12-01T01:00:00.000Z',
      issuer: '黄山市文化和旅游局',
      opinion: '材料齐全',
      completionDueAt: '2026-12-29T16:00:00.000Z',
      completionDays: 20,
    });
    const shown = renderDocument(issued, facts);
    expect(shown).toMatchObject({ documentId: 'acceptance_notice-20267', title: '受理通知书', number: '黄文旅受〔2026〕7号', issuer: '黄山市文化和旅游局' });
    expect(shown.paragraphs).toHaveLength(3);
    expect(shown.paragraphs[0]).toMatch(/^黄山市某某旅行社有限公司：\n你（单位）于.+提交的“旅行社业务经营许可”申请（办件编号 20261130341000ABCDEFGH），申请材料齐全/);
    expect(shown.paragraphs[1]).toMatch(/^承诺办结时限：20个工作日（2026年12月29日前）/);
    expect(shown.paragraphs[2]).toBe('受理意见：材料齐全');
  });

  it('quotes the reason and the legal remedy of a refusal, and drops an empty remedy', () => {
    const refusal = issueDocument('refusal_decision', { record, request: request({ reason: '不符合《旅行社条例》第六条', legalRemedy: '可依法申请行政复议' }), number: '黄文旅不许〔2026〕1号', issuedAt: '2026-12-02T01:00:00.000Z' });
    expect(renderDocument(refusal, facts).paragraphs.slice(1)).toEqual(['理由：不符合《旅行社条例》第六条', '可依法申请行政复议']);
    const withoutRemedy = issueDocument('non_acceptance_decision', { record, request: request({ reason: '不属于本机关职权范围' }), number: '黄文旅不受〔2026〕1号', issuedAt: '2026-12-02T01:00:00.000Z' });
    expect(withoutRemedy).not.toHaveProperty('legalRemedy');
    expect(renderDocument(withoutRemedy, facts).paragraphs).toHaveLength(2);
  });

  it('keeps the defects of a supplement notice and shows a document stored with its text as stored', () => {
    const defects = [{ subject: '营业执照', reason: '已过期' }];
    const notice = renderDocument(issueDocument('supplement_notice', { record, request: request({}), number: '黄文旅补告〔2026〕3号', issuedAt: '2026-12-01T01:00:00.000Z', defects }), facts);
    expect(notice.defects).toEqual(defects);
    const legacy = { documentId: 'approval_decision-20261', kind: 'approval_decision' as const, title: '准予行政许可决定书', number: '黄文旅许〔2026〕1号', issuedAt: '2026-11-01T00:00:00.000Z', issuer: '黄山市文化和旅游局', paragraphs: ['原文'] };
    expect(renderDocument(legacy, facts)).toBe(legacy);
  });
});
