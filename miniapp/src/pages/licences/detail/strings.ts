import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const DETAIL_STRINGS = localize('pages/licences/detail/DETAIL_STRINGS', {
  loading: '正在加载证照…',
  missingId: '链接中缺少证照标识',
  notFound: '未找到该证照',
  notFoundHint: '证照可能属于其他账号，请在“我的证照”中查看',
  toLicences: '返回我的证照',
  retry: '重试',
  retryLabel: '重新加载证照',

  qrTitle: '核验二维码',
  qrNote: '他人在“皖旅政务”首页打开“电子证照核验”扫描此码，即可核验证照真伪和当前状态。',
  present: '出示证照',
  presentLabel: '全屏出示证照二维码',
  content: '证照信息',

  // 出示
  presentTitle: '出示电子证照',
  presentTime: (time: string) => `出示时间 ${time}`,
  presentExit: '退出出示',
  presentHint: '请对方使用“皖旅政务”扫码核验',
} as const, en.DETAIL_STRINGS)
