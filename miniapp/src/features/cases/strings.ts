import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'
/** Wording shared by the case lists (我的) and the case pages. */
export const CASE_LIST_STRINGS = localize('features/cases/CASE_LIST_STRINGS', {
  caseNumber: '办件编号',
  submittedAt: '提交时间',
  caseLabel: (item: string, status: string, no: string) => `${item}，${status}，办件编号${no}`,
  draftTag: '草稿',
  draftLabel: (item: string) => `继续填写${item}的申请`,
  draftSaved: (time: string) => `保存于${time}`,
  draftExpires: (date: string) => `${date}前有效，逾期自动清除`,
  continueDraft: '继续填写',
  /** A label before its value on a card line (办件编号：…). */
  labelPrefix: (label: string) => `${label}：`,
  labelled: (label: string, value: string) => `${label}：${value}`,
} as const, en.CASE_LIST_STRINGS)

/** Home's 我的办件 at a glance (my-cases-glance.tsx). */
export const CASE_GLANCE_STRINGS = localize('features/cases/CASE_GLANCE_STRINGS', {
  actionTitle: '待我处理',
  latestTitle: '我的办件',
  actionNote: (count: number) => `${count}件`,
  all: '全部办件',
  allLabel: '查看全部办件',
  loading: '正在加载我的办件…',
  error: '我的办件暂时无法加载',
  retry: '重试',
  retryLabel: '重新加载我的办件',
  empty: '您还没有办件',
  emptyHint: '在线申请的事项提交后，办理进度会显示在这里',
  nothingToDo: '目前没有需要您处理的办件，以下是最近的办件',
  next: (next: string) => `下一步：${next}`,
  now: (now: string) => `当前：${now}`,
  daysLeft: (days: number) => `剩余${days}个工作日`,
  overdue: '已超过办理时限',
  caseLabel: (item: string, status: string, words: string, no: string) => `${item}，${status}，${words}，办件编号${no}`,
  separator: '，',
} as const, en.CASE_GLANCE_STRINGS)

/** Wording of the case views shared by the applicant's and the staff's pages. */
export const CASE_VIEW_STRINGS = localize('features/cases/CASE_VIEW_STRINGS', {
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
  falseMarkDetail: (time: string, opinion: string) => `${time}，${opinion}`,
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
  /** Between the parts of a spoken label (a deadline's name, state and due date). */
  listSeparator: '，',

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
  guideVersionValue: (version: number) => `第${version}版`,
  guideVersionPublished: (version: number, published: string) => `第${version}版，${published}发布`,
  guideVersionNote: '办件始终按申请时的办事指南版本办理；之后发布的新版本只适用于新的申请',
  openGuideVersion: '查看该版办事指南',
  openGuideVersionLabel: (version: number) => `查看第${version}版办事指南`,
} as const, en.CASE_VIEW_STRINGS)

/** The step bar a case page leads with (progress.ts, case-progress.tsx). */
export const CASE_PROGRESS_STRINGS = localize('features/cases/CASE_PROGRESS_STRINGS', {
  region: '办理进度',
  steps: { submit: '提交', pre_review: '预审', review: '审查', decision: '决定', delivery: '送达', closed: '办结' },
  now: {
    pre_review: '网上预审中',
    supplement_requested: '待您补正材料',
    accepted: '审查中',
    special_procedure: '核查评审中（不计入办理时限）',
    reviewed: '审查完成，待作出决定',
    not_accepted: '预审未通过，办理终止',
    approved: '已准予，待送达',
    refused: '审查未通过，办理终止',
    delivered: '送达完成，等待办结',
    closed: '办理完成',
    withdrawn: '您撤回了申请，办理终止',
  },
  next: {
    supplement: '上传告知书所列的材料，重新提交',
    bookVisit: '请预约到现场的时间',
    preReview: '预审通过后受理，或一次性告知需补正的材料',
    review: '审查完成后作出决定',
    decide: '作出决定并告知您',
    deliver: '送达决定文书',
    evaluate: '评价本次服务（好差评）',
    appeal: '如有异议，可按决定书所写申请复议或提起诉讼',
  },
  you: '您',
  stateWords: { done: '已完成', current: '当前', upcoming: '未开始', stopped: '已终止' },
  stepLabel: (step: number, label: string, state: string) => `第${step}步 ${label}，${state}`,
  holder: (holder: string) => `当前办理：${holder}`,
  overdue: '已超过办理时限',
  daysLeft: (days: number) => `剩余 ${days} 个工作日`,
  nextStep: (next: string) => `下一步：${next}`,
} as const, en.CASE_PROGRESS_STRINGS)
