import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const COMPLAINT_DETAIL_STRINGS = localize('pages/feedback/complaint-detail/COMPLAINT_DETAIL_STRINGS', {
  missingNumber: '链接中缺少投诉编号',
  toComplaints: '查看我的投诉',
  loading: '正在加载投诉…',
  retry: '重试',
  retryLabel: '重新加载投诉详情',
  signInHint: '登录后查看投诉处理进度',
  submitted: '投诉已提交，处理单位将在5个工作日内决定是否受理，结果会通过消息通知您',
  evaluated: '评价已提交，感谢您的反馈',

  heading: (business: string) => `投诉：${business}`,
  complaintNumber: '投诉编号',
  organisation: '处理单位',
  submittedAt: '提交时间',
  acceptBy: '受理期限',
  acceptByValue: (day: string) => `${day}前决定是否受理（5个工作日）`,
  overdue: '已超过受理期限，可拨打12301反映',

  outcome: '处理结果',

  evaluateTitle: '投诉已办结，欢迎评价',
  evaluateText: '请对本次投诉的处理情况作出评价；不满意的评价将转交处理单位回访核实。',
  evaluateOwnText: '窗口或12301热线已为您登记了一条评价。您也可以自己评价，以您本人的评价为准。',
  evaluate: '评价处理情况',

  content: '投诉内容',
  business: '被投诉单位',
  kind: '单位类型',
  creditCode: '统一社会信用代码',
  trip: '行程日期',
  tripValue: (start: string, end: string) => `${start} 至 ${end}`,
  account: '投诉事由',
  amount: '涉及金额',
  /** The amount already formatted with digit grouping (12,000). */
  amountValue: (amount: string) => `${amount} 元`,
  request: '投诉请求',

  history: '处理记录',
} as const, en.COMPLAINT_DETAIL_STRINGS)
