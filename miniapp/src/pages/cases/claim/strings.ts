import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const CLAIM_STRINGS = localize('pages/cases/claim/CLAIM_STRINGS', {
  title: '认领窗口办件',
  intro: '在服务大厅窗口办理的申请，凭窗口出具的回执认领后，即可在“我的办件”中查看进度、接收通知。',
  caseNumber: '办件编号',
  caseNumberLabel: '回执上的办件编号',
  caseNumberPlaceholder: '见回执，如 AH20261205…',
  claimCode: '认领码',
  claimCodeLabel: '回执上的认领码',
  claimCodePlaceholder: '8位字母和数字，如 K7QM-3XPA',
  claimCodeHint: '认领码仅可使用一次，30天内有效；输错5次将暂停认领',
  submit: '认领',
  submitting: '正在认领…',
  missingNumber: '请填写办件编号',
  missingCode: '请填写认领码',
  claimed: '已认领，可在“我的办件”中查看',
  signInHint: '认领办件需要先登录，登录后将回到这里继续',
  locked: '如认领码遗失或已锁定，请携带身份证件到受理窗口办理。',
} as const, en.CLAIM_STRINGS)
