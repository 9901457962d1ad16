import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const COMPLAINT_STRINGS = localize('pages/feedback/complaint/COMPLAINT_STRINGS', {
  title: '旅游投诉',
  intro: '投诉将转给被投诉单位所在地的文化和旅游部门，5个工作日内决定是否受理。请如实填写，带 * 的为必填项。',
  signInHint: '登录后即可在线投诉，并随时查看处理进度',

  business: '被投诉单位',
  region: '所在地区',
  regionLabel: '被投诉单位所在地区',
  regionPlaceholder: '请选择地区',
  regionsLoading: '正在加载地区…',
  regionsRetry: '重新加载地区',
  businessName: '单位名称',
  businessNameLabel: '被投诉单位名称',
  businessNamePlaceholder: '如：黄山某某旅行社有限公司',
  businessKind: '单位类型',
  businessKindLabel: '被投诉单位类型',
  kindMissing: '请选择被投诉单位类型',
  creditCode: '统一社会信用代码',
  creditCodeHint: '18位，可在营业执照或合同上找到；不清楚可不填',

  trip: '行程与经过',
  tripStart: '行程开始日期',
  tripEnd: '行程结束日期',
  choose: '请选择日期',
  account: '投诉事由（经过）',
  accountPlaceholder: '请写明时间、地点、经过和您遇到的问题',
  amount: '涉及金额（元）',
  amountPlaceholder: '如：1200',
  amountInvalid: '请填写正确的金额（元）',

  requestSection: '投诉请求与联系方式',
  request: '投诉请求',
  requestPlaceholder: '如：退还多收的费用、赔偿损失、赔礼道歉',
  contactMobile: '联系手机',
  contactMobileHint: '便于处理单位与您联系，仅处理单位工作人员可见',

  counter: (used: number, max: number) => `${used}/${max}`,
  counterLabel: (used: number, max: number) => `已输入${used}个字，最多${max}个字`,
  submit: '提交投诉',
  submitting: '正在提交…',
  fix: (n: number) => `有${n}处需要修改，请按提示填写`,
  /** Between the problems listed in one message. */
  problemSeparator: '；',
} as const, en.COMPLAINT_STRINGS)
