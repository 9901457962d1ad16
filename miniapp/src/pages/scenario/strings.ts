import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const SCENARIO_STRINGS = localize('pages/scenario/SCENARIO_STRINGS', {
  loading: '正在加载…',
  retry: '重试',
  retryLabel: '重新加载这件事',
  notFound: '未找到这件事，请从首页“一件事”重新进入',
  backHome: '回到首页',
  intro: '按顺序办理下面的事项，每一步都可以直接在线申请。',
  regionHint: '每一步按所选城市的办理机关给出',
  chooseCity: '以下带“需选择城市”的事项由各市办理，请先点上方按钮选择企业或本人所在城市。',
  stepLabel: (n: number, total: number, title: string) => `第${n}步，共${total}步：${title}`,
  stepNumber: (n: number) => `第${n}步`,
  needsCityTag: '【需选择城市】',
  notHere: (region: string) => `${region}暂无此事项的实施，请选择其他城市`,
  myCase: (status: string, caseNumber: string) => `我的办件：${status}（${caseNumber}）`,
  // Starts with the words shown (我的办件：status（number）), so voice control users can say what they see.
  myCaseLabel: (status: string, caseNumber: string) => `我的办件：${status}（${caseNumber}），查看我的办件 ${caseNumber}，${status}`,
} as const, en.SCENARIO_STRINGS)
