import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const STAFF_STRINGS = localize('pages/account/staff/STAFF_STRINGS', {
  title: '人员管理',
  forbidden: '您没有人员管理权限',
  forbiddenHint: '人员管理仅向单位管理员和省级管理员开放，如有需要请联系单位管理员。',
  toMine: '返回我的',

  // organisation
  organisationCode: (code: string) => `单位代码：${code}`,
  otherOrganisation: '管理其他单位',
  codeField: '单位统一社会信用代码',
  codeLabel: '要管理的单位的统一社会信用代码',
  codePlaceholder: '18位统一社会信用代码',
  codeFormat: '统一社会信用代码为 18 位数字或大写字母',
  codeSubmit: '查看该单位',
  ownOrganisation: '回到本单位',

  // list
  members: '工作人员',
  membersNote: (n: number) => `${n}人`,
  loading: '正在加载工作人员…',
  empty: '本单位还没有工作人员',
  emptyHint: '在下方填写姓名和权限，生成邀请码后交给本人绑定',
  retry: '重试',
  retryLabel: '重新加载工作人员',
  status: { invited: '待绑定', active: '已启用', revoked: '已停用' },
  inviteValid: (time: string) => `邀请码${time}前有效`,
  inviteExpired: '邀请码已过期，请重新邀请',
  boundAt: (time: string) => `绑定于${time}`,
  revokedAt: (time: string) => `停用于${time}`,
  revoke: '停用',
  revokeLabel: (name: string) => `停用${name}`,
  revokeTitle: '停用工作人员',
  revokeConfirm: (name: string) => `停用后，${name}将立即失去工作人员权限，邀请码也随即作废。确定停用吗？`,
  revokeConfirmText: '停用',
  revoked: '已停用',

  // invite
  invite: '邀请工作人员',
  inviteText: '填写姓名并勾选权限，生成一次性邀请码，交给本人在“我的-工作人员绑定”中输入。',
  name: '姓名',
  nameLabel: '被邀请人姓名',
  namePlaceholder: '与身份证一致',
  nameMissing: '请填写工作人员姓名',
  nameTooLong: '姓名不超过 20 个字',
  permissions: '工作权限',
  listSeparator: '、',
  permissionsMissing: '请至少选择一项权限',
  submit: '生成邀请码',
  submitting: '正在生成…',

  // the code, shown once
  codeTitle: (name: string) => `${name}的邀请码`,
  /** The code with a space between its characters, so screen readers spell it out. */
  codeSpoken: (spaced: string) => `邀请码 ${spaced}`,
  codeExpires: (time: string) => `${time}前有效，一次有效`,
  codeOnce: '邀请码只显示这一次，请立即当面或通过单位内部渠道转交本人。',
  copy: '复制邀请码',
  copied: '邀请码已复制',
  copyFailed: '复制未成功，请手动记下邀请码',
  done: '我已转交，完成',
} as const, en.STAFF_STRINGS)
