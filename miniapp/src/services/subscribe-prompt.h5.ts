import Taro from '@tarojs/taro'
import { DEV_LOGIN } from './config'
import { SERVICE_STRINGS as S, simulatedContent } from './strings'
import type { PromptTemplate, SubscribeAnswer } from './subscribe-prompt'

/** A browser has no WeChat subscribe dialog: only local builds simulate it. */
export const SUBSCRIBE_AVAILABLE = DEV_LOGIN

/**
 * H5 variant, local builds only: a plainly labelled stand-in for WeChat's dialog, so the whole
 * subscribe-and-push path can be tried in a browser. 允许 accepts every template shown, 拒绝 rejects
 * them all (WeChat lets the user choose per template).
 */
export async function promptSubscribe(templates: PromptTemplate[]): Promise<Record<string, SubscribeAnswer>> {
  if (!SUBSCRIBE_AVAILABLE) return {}
  const { confirm } = await Taro.showModal({
    title: S.simulatedTitle,
    content: simulatedContent(templates.map((t) => t.title)),
    confirmText: S.allow,
    cancelText: S.refuse,
  })
  const answer: SubscribeAnswer = confirm ? 'accept' : 'reject'
  return Object.fromEntries(templates.map((t) => [t.templateId, answer]))
}
