/** Wording shared by the case lists (我的) and the case pages. */
export const CASE_LIST_STRINGS = {
  caseNumber: '办件编号',
  submittedAt: '提交时间',
  caseLabel: (item: string, status: string, no: string) => `${item}，${status}，办件编号${no}`,
  draftTag: '草稿',
  draftLabel: (item: string) => `继续填写${item}的申请`,
  draftSaved: (time: string) => `保存于${time}`,
  draftExpires: (date: string) => `${date}前有效，逾期自动清除`,
  continueDraft: '继续填写',
} as const
