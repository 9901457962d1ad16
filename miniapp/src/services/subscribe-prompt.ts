import Taro from '@tarojs/taro'
import { clientError } from './api-error'

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export interface PromptTemplate {
  templateId: string
  title: string
}

/** Whether this build can ask at all. (H5: only the local simulation, see subscribe-prompt.h5.ts.) */
export const SUBSCRIBE_AVAILABLE = true

const ANSWERS = new Set<string>(['accept', 'reject', 'ban', 'filter'])

/**
 * Mini-program variant: WeChat's own subscribe dialog. It must be called within a tap, so the call
 * to `wx.requestSubscribeMessage` happens synchronously here. Resolves with WeChat's answer per
 * template id; rejects when WeChat would not show the dialog (e.g. subscribe messages switched off).
 */
export function promptSubscribe(templates: PromptTemplate[]): Promise<Record<string, SubscribeAnswer>> {
  return Taro.requestSubscribeMessage({ tmplIds: templates.map((t) => t.templateId) } as Taro.requestSubscribeMessage.Option).then(
    (result) => {
      const answers: Record<string, SubscribeAnswer> = {}
      for (const { templateId } of templates) {
        const answer = (result as unknown as Record<string, unknown>)[templateId]
        if (typeof answer === 'string' && ANSWERS.has(answer)) answers[templateId] = answer as SubscribeAnswer
      }
      return answers
    },
    () => {
      throw clientError('SUBSCRIBE_UNAVAILABLE')
    },
  )
}
