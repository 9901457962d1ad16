import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const BIND_STRINGS = localize('pages/account/bind/BIND_STRINGS', {
  title: '工作人员绑定',
  text: '请输入单位管理员提供的 8 位邀请码。绑定后，您的微信将作为工作人员身份登录，可办理本单位的业务。',
  code: '邀请码',
  codeLabel: '工作人员邀请码',
  codePlaceholder: '如 K7Q2-M9XD',
  codeHint: '不区分大小写，可带“-”；邀请码一次有效',
  codeEmpty: '请输入邀请码',
  codeFormat: '邀请码为 8 位字母或数字，请核对后重新输入',
  submit: '确认绑定',
  submitting: '正在绑定…',

  done: '绑定成功',
  doneText: (organisation: string) => `您已成为${organisation}的工作人员。`,
  organisation: '所在单位',
  permissions: '工作权限',
  toMine: '返回我的',
  reminders: '开启工作提醒',
  remindersText: '新办件、办件临近时限和差评，通过微信及时提醒您。',
  remindersOn: '已开启工作提醒',
  remindersOff: '未开启工作提醒，可在“消息订阅”中重新开启',

  already: '您已绑定工作人员身份',
  alreadyText: (organisation: string) => `当前单位：${organisation}。如需变更，请联系单位管理员。`,
} as const, en.BIND_STRINGS)
