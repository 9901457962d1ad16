import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const PROGRESS_STRINGS = localize('pages/public/progress/PROGRESS_STRINGS', {
  title: '办件进度查询',
  intro: '无需登录。输入办件编号，再填写申请人姓名或手机号码后4位，即可查询办理进度。',
  caseNumber: '办件编号',
  caseNumberPlaceholder: '22位办件编号',
  caseNumberHint: '办件编号见提交成功页面、受理通知书或短信',
  verifyBy: '核验方式',
  byName: '申请人姓名',
  byMobile: '手机号码后4位',
  namePlaceholder: '个人姓名或企业名称',
  mobilePlaceholder: '4位数字',
  caseNumberMissing: '请填写22位办件编号',
  nameMissing: '请填写申请人姓名',
  nameTooLong: '申请人姓名不超过60个字',
  mobileMissing: '请填写手机号码后4位',
  submit: '查询',
  submitting: '正在查询…',
  fix: '请按提示修改后再查询',
  rateLimitedHint: '为保护申请人信息，每分钟可查询的次数有限。请等1分钟，核对办件编号后再查询。',
  caseLockedHint: '为保护申请人信息，同一办件编号查询失败10次后暂停查询1小时。申请人本人请登录后在“我的”→“我的办件”中查看进度。',

  result: '查询结果',
  organisation: '办理单位',
  applicant: '申请人',
  submittedAt: '提交时间',
  promisedBy: '承诺办结',
  steps: '办理进度',
  masked: '为保护个人信息，个人申请人的姓名已部分隐藏。',
  signInForMore: '如需查看材料、文书或评价，请登录后在“我的办件”中查看。',
} as const, en.PROGRESS_STRINGS)
