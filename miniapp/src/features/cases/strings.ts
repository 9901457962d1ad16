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

/** Wording of the case views shared by the applicant's and the staff's pages. */
export const CASE_VIEW_STRINGS = {
  caseNumber: '办件编号',
  organisation: '受理单位',
  submittedAt: '提交时间',
  channel: '申请渠道',
  enteredBy: (name: string) => `服务大厅窗口受理，由${name}代为录入`,
  claimed: { true: '申请人已在手机上认领', false: '申请人尚未在手机上认领' },

  // applicant
  applicant: '申请人',
  applicantKind: '申请人类型',
  kindNames: { person: '个人', enterprise: '企业或其他组织' },
  applicantName: { person: '申请人', enterprise: '企业名称' },
  idNumber: { person: '身份证号码', enterprise: '统一社会信用代码' },
  mobile: '手机号码',
  agent: { person: '代办人', enterprise: '经办人' },

  // fields
  fields: '申请信息',

  // materials
  materials: '申请材料',
  fromLicence: '免提交，由电子证照自动获取',
  licence: (name: string) => `证照名称：${name}`,
  download: '下载',
  downloadLabel: (name: string) => `下载${name}`,
  downloading: '正在获取文件…',
  noFiles: '未提交文件',
  committed: '已承诺（告知承诺制）',
  committedAt: (time: string) => `承诺时间：${time}`,
  committedBy: (name: string, version: number) => `承诺人：${name}（依据办事指南第${version}版）`,
  signedInPerson: (staff: string) => `申请人在服务大厅窗口当面签署，由${staff}录入`,
  commitmentText: '承诺内容',
  commitmentHash: (hash: string) => `承诺内容摘要（SM3）：${hash}`,
  hashMatches: '摘要与办事指南的承诺内容一致',
  hashDiffers: '摘要与办事指南的承诺内容不一致，请核查',
  falseMark: (consequence: string) => `经核查承诺不实：${consequence}`,
  falseMarkDetail: (time: string, opinion?: string) => `${time}${opinion ? `，${opinion}` : ''}`,
  originalsWithHandlers: '监督查看：文件名和身份信息已脱敏，材料原件仅限承办单位查看。',
  materialStates: { submitted: '已提交', needs_supplement: '待补正', resubmitted: '已补正' },
  supplementReason: (reason: string) => `补正原因：${reason}`,

  // deadlines
  deadlines: '办理时限',
  remaining: (days: number) => `剩余 ${days} 个工作日`,
  overdue: '已超期',
  paused: '已暂停计时',
  pausedWithDays: (days: number) => `已暂停计时，恢复后剩余 ${days} 个工作日`,
  dueBy: (date: string) => `截止：${date}`,
  deadlineLabel: (label: string, state: string, due: string) => [label, state, due].filter(Boolean).join('，'),

  // documents
  documents: '文书',
  documentsNote: (n: number) => `${n}份`,
  documentLabel: (title: string, number: string, date: string) => `${title}，${number}，${date}，阅读`,
  documentRead: '阅读',
  documentLicence: (typeName: string, number: string) => `电子证照：${typeName} ${number}`,
  documentLicenceLabel: (typeName: string, number: string) => `电子证照：${typeName} ${number}，点击查看`,
  documentLicenceOpen: '查看',
  documentNumber: '文号',
  documentIssuer: '发文机关',
  documentDate: '日期',
  defectsTitle: '需要补正的内容',
  defectsIndex: '序号',
  defectsSubject: '补正事项',
  defectsReason: '补正原因',
  documentLoading: '正在打开文书…',
  documentMissing: '未找到该文书，可能链接有误',
  documentMissingParams: '链接中缺少办件编号或文书编号',
  retry: '重试',
  documentRetryLabel: '重新加载文书',
  backToCase: '返回办件',

  // history
  history: '办理记录',
  by: { applicant: '申请人', staff: '工作人员', system: '系统' },
  opinion: (text: string) => `意见：${text}`,
  closeNotice: '关闭提示',
  guideVersion: '所依据的办事指南',
  guideVersionLabel: '指南版本',
  guideVersionValue: (version: number, published: string | null) => (published ? `第${version}版，${published}发布` : `第${version}版`),
  guideVersionNote: '办件始终按申请时的办事指南版本办理；之后发布的新版本只适用于新的申请',
  openGuideVersion: '查看该版办事指南',
  openGuideVersionLabel: (version: number) => `查看第${version}版办事指南`,
} as const
