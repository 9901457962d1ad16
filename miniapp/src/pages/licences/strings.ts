import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const LICENCES_STRINGS = localize('pages/licences/LICENCES_STRINGS', {
  title: '我的证照',
  intro: '本人及您代为办事的企业的电子证照。出示二维码，他人可扫码核验真伪和当前状态。',
  loading: '正在加载证照…',
  retry: '重试',
  retryLabel: '重新加载我的证照',
  empty: '暂无电子证照',
  emptyHint: '您申请的许可事项（如导游证核发、旅行社业务经营许可）获准后，颁发的电子证照会出现在这里。',
  toItems: '去办事',
  refresh: '刷新',
  refreshLabel: '刷新我的证照',
  verify: '扫码核验他人证照',
  holder: '持证人',
  validity: '有效期',
  /** A card line: a label, then its value. */
  line: (label: string, value: string) => `${label}：${value}`,
  cardLabel: (typeName: string, number: string, holder: string, status: string) => `${typeName}，${number}，${holder}，${status}`,
} as const, en.LICENCES_STRINGS)
