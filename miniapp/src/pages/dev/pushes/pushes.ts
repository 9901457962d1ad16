import { LOCAL_TEMPLATE_IDS, TEMPLATES, type TemplateKey } from '@ah-tourism/shared/src/notifications/templates'
import { WECHAT_STANDIN } from '@/services/config'
import { sendJson } from '@/services/transport'

/** One subscribe message as the local WeChat stand-in received it. */
export interface StandInPush {
  id: string
  at: string | null
  openid: string
  templateId: string
  templateTitle: string | null
  /** `data` of the send request, in order: [key, value]. */
  fields: [string, string][]
  page: string | null
}

type Raw = Record<string, unknown>

const TITLES = new Map(Object.entries(LOCAL_TEMPLATE_IDS).map(([key, id]) => [id, TEMPLATES[key as TemplateKey].title]))

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null)
const first = (raw: Raw, ...keys: string[]) => keys.map((key) => text(raw[key])).find((value) => value !== null) ?? null

/** The stand-in's record, flattening the request body it may keep apart from its own bookkeeping. */
function flatten(entry: unknown): Raw {
  const raw = (typeof entry === 'object' && entry !== null ? entry : {}) as Raw
  const inner = [raw.body, raw.request, raw.payload, raw.message].find((value) => typeof value === 'object' && value !== null) as Raw | undefined
  return inner ? { ...raw, ...inner } : raw
}

function toPush(entry: unknown, index: number): StandInPush {
  const raw = flatten(entry)
  const templateId = first(raw, 'template_id', 'templateId') ?? ''
  const data = (typeof raw.data === 'object' && raw.data !== null ? raw.data : {}) as Raw
  const fields = Object.entries(data).map(([key, value]): [string, string] => {
    const inner = typeof value === 'object' && value !== null ? (value as Raw).value : value
    return [key, text(inner) ?? '']
  })
  return {
    id: first(raw, 'id', 'messageId', 'msgid') ?? String(index),
    at: first(raw, 'receivedAt', 'sentAt', 'at', 'time', 'createdAt'),
    openid: first(raw, 'touser', 'openid', 'toUser') ?? '',
    templateId,
    templateTitle: TITLES.get(templateId) ?? first(raw, 'templateTitle', 'title'),
    fields,
    page: first(raw, 'page'),
  }
}

/** What the stand-in has received, newest first. */
export async function listStandInPushes(): Promise<StandInPush[]> {
  const { data } = await sendJson<unknown>('GET', '/__control/messages', {}, WECHAT_STANDIN)
  const body = data as Raw
  const list = Array.isArray(data) ? data : [body.messages, body.items, body.sent].find(Array.isArray) ?? []
  const pushes = (list as unknown[]).map(toPush)
  // Newest first whatever order the stand-in keeps (stable for entries without a time).
  return pushes
    .map((push, index) => ({ push, index }))
    .sort((a, b) => (b.push.at ?? '').localeCompare(a.push.at ?? '') || b.index - a.index)
    .map(({ push }) => push)
}
