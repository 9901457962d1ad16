export const SUBMITTED_STRINGS = {
  title: '提交成功',
  text: '您的申请已提交，工作人员将进行网上预审，结果会及时告知。',
  caseNumber: '办件编号',
  caseNumberNote: '请记下办件编号，可随时在“我的办件”中查看进度。',
  status: '当前状态',
  item: '申请事项',
  organisation: '受理单位',
  submittedAt: '提交时间',
  toDetail: '查看办件详情',
  toMine: '查看我的办件',
  toHome: '返回首页',
  missingNumber: '链接中缺少办件编号',
} as const
