import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const STAFF_LICENCE_STRINGS = localize('pages/staff/licence/STAFF_LICENCE_STRINGS', {
  loading: '正在加载证照…',
  missingId: '链接中缺少证照标识',
  retry: '重试',
  retryLabel: '重新加载证照',
  toInbox: '返回工作台',
  content: '证照信息',

  // actions
  actions: '证照处理',
  /** The actions' names (the same words as LICENCE_ACTIONS in shared, which the server uses). */
  actionNames: { change: '变更换发', suspend: '暂停', resume: '恢复', revoke: '吊销', cancel: '注销' },
  noActions: '您不能处理此证照',
  noActionsHint: '只有颁证单位具有审批决定权限的工作人员，可以对有效或暂停中的证照办理变更换发、暂停、恢复、吊销或注销。',
  actionHints: {
    change: '按变更后的内容重新签发新版本，证照编号不变；旧版本二维码核验时将显示“已换发”。',
    suspend: '暂停期间证照不能使用，核验显示“已暂停”；可以恢复。',
    resume: '恢复后证照重新有效。',
    revoke: '吊销后证照立即失效，核验显示“已吊销”，不能恢复。',
    cancel: '注销后证照失效，核验显示“已注销”，不能恢复。',
  } as Record<string, string>,
  cancel: '取消',
  submitting: '正在提交…',
  submit: (label: string) => `确认${label}`,
  done: (label: string) => `已办理：${label}。持证人将收到通知。`,
  stale: (message: string) => `${message}。已为您刷新为证照的最新状态，请核对后再办理。`,
  otherProblems: '请检查以下问题',
  fixProblems: (n: number) => `有${n}处需要修改，请按提示填写`,

  // the confirmation of 吊销 / 注销
  confirmTitle: (label: string) => `确认${label}证照`,
  confirmText: (label: string, number: string) => `${label}后证照 ${number} 立即失效且不能恢复，持证人将收到通知。确定${label}吗？`,

  // fields
  reason: '原因',
  reasonPlaceholder: '如：涉嫌违规带团，调查期间暂停',
  legalBasis: '法律依据',
  legalBasisPlaceholder: '如：《导游管理办法》第二十九条',
  effectiveOn: '生效日期',
  effectiveOnPlaceholder: '不选则为今日',
  effectiveOnHint: '不选则自今日起生效',
  scope: '准许事项',
  scopeHint: '变更后的完整列表，1 至 10 项',
  scopeItem: (n: number) => `准许事项第${n}项`,
  scopeAdd: '添加一项',
  remove: '删除',
  removeLabel: (what: string) => `删除${what}`,
  details: '登记事项',
  detailsHint: '如导游语种、等级；变更后的完整列表',
  detailItem: (n: number) => `登记事项第${n}项`,
  detailName: (n: number) => `登记事项第${n}项名称`,
  detailValue: (n: number) => `登记事项第${n}项内容`,
  detailNamePlaceholder: '名称',
  detailValuePlaceholder: '内容',
  detailAdd: '添加登记事项',
  holderName: '持证人名称',
  holderNameHint: '持证人更名时修改',

  issues: {
    reason: '请填写原因',
    legalBasis: '请填写法律依据',
    tooLong: (max: number) => `不超过${max}个字`,
    scopeEmpty: '请至少保留一项准许事项',
    scopeItem: '每项不超过30个字，且不能为空',
    detail: '名称不超过20个字、内容不超过60个字，且都不能为空',
    detailDuplicate: '登记事项名称不能重复',
    holderName: '请填写持证人名称，不超过60个字',
    nothingChanged: '变更换发请修改至少一项内容',
  },
} as const, en.STAFF_LICENCE_STRINGS)
