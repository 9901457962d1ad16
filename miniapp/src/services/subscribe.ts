import type { SubscriptionList, SubscriptionTemplate } from '@ah-tourism/shared'
import type { TemplateKey } from '@ah-tourism/shared/src/notifications/templates'
import { getJson, requestJson } from './http'
import { currentUser, subscribeSession } from './session'
import { promptSubscribe, SUBSCRIBE_AVAILABLE } from './subscribe-prompt'

export { SUBSCRIBE_AVAILABLE }

/** What an applicant is asked for after submitting: progress, supplement notices, the evaluation invite. */
export const APPLICANT_TEMPLATE_KEYS: TemplateKey[] = ['case_progress', 'supplement_notice', 'evaluation_invite']
/** What staff are asked for (开启工作提醒): new cases, deadlines, bad reviews. */
export const STAFF_TEMPLATE_KEYS: TemplateKey[] = ['staff_new_case', 'staff_deadline', 'staff_bad_review']

/** WeChat shows at most three templates per dialog (and never once and long ones together). */
const MAX_PER_REQUEST = 3

export type SubscribeOutcome =
  | { status: 'answered'; accepted: SubscriptionTemplate[]; declined: SubscriptionTemplate[]; templates: SubscriptionTemplate[] }
  /** Nothing to ask (H5 outside local builds, or none of the templates is configured). */
  | { status: 'unavailable' }

/** The templates and this user's state, kept so a tap can open WeChat's dialog without waiting. */
let cached: { userId: string; templates: SubscriptionTemplate[] } | null = null
subscribeSession(() => {
  if (cached && cached.userId !== currentUser()?.userId) cached = null
})

function remember(templates: SubscriptionTemplate[]): SubscriptionTemplate[] {
  const user = currentUser()
  cached = user ? { userId: user.userId, templates } : null
  return templates
}

/** `GET /me/subscriptions`: the templates (ids come from the API's configuration) and their state. */
export async function loadSubscriptions(): Promise<SubscriptionTemplate[]> {
  return remember((await getJson<SubscriptionList>('/me/subscriptions', { auth: true })).templates)
}

/** Fetches the templates ahead of a tap (WeChat may refuse a dialog opened after a network wait). */
export function prepareSubscriptions(): void {
  if (SUBSCRIBE_AVAILABLE && currentUser()) void loadSubscriptions().catch(() => undefined)
}

function ask(templates: SubscriptionTemplate[], keys: TemplateKey[]): Promise<SubscribeOutcome> {
  const chosen = keys
    .map((key) => templates.find((template) => template.key === key))
    .filter((template): template is SubscriptionTemplate => !!template && !!template.templateId)
    .slice(0, MAX_PER_REQUEST)
  if (!chosen.length) return Promise.resolve({ status: 'unavailable' })
  return promptSubscribe(chosen).then(async (answers) => {
    const results = Object.fromEntries(chosen.filter((t) => answers[t.templateId]).map((t) => [t.templateId, answers[t.templateId]]))
    if (!Object.keys(results).length) return { status: 'unavailable' }
    const { data } = await requestJson<SubscriptionList>('PUT', '/me/subscriptions', { auth: true, body: { results } })
    remember(data.templates)
    return {
      status: 'answered',
      accepted: chosen.filter((t) => results[t.templateId] === 'accept'),
      declined: chosen.filter((t) => results[t.templateId] !== 'accept'),
      templates: data.templates,
    }
  })
}

/**
 * Asks the user to allow the subscribe messages `keys` (at most three) and records the answer with
 * `PUT /me/subscriptions`. Call it from a tap handler: on WeChat the dialog only opens in response to
 * one, which is why the templates are taken from the cache when `prepareSubscriptions` has run.
 */
export function askToSubscribe(keys: TemplateKey[]): Promise<SubscribeOutcome> {
  if (!SUBSCRIBE_AVAILABLE || !currentUser()) return Promise.resolve({ status: 'unavailable' })
  const user = currentUser()
  if (cached && user && cached.userId === user.userId) return ask(cached.templates, keys)
  return loadSubscriptions().then((templates) => ask(templates, keys))
}
