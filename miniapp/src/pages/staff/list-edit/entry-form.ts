import type { ImplementationItem } from '@ah-tourism/shared'

/** What the edit form holds: the catalog elements the province may change, and the whole guide. */
export interface EntryForm {
  name: string
  guide: Record<string, unknown>
}

export const formOf = (item: ImplementationItem): EntryForm => ({ name: item.name, guide: JSON.parse(JSON.stringify(item.guide)) as Record<string, unknown> })

/** `guide.materials[2].name` → ['guide', 'materials', 2, 'name'] */
export function pathKeys(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const [key, ...indexes] = part.split(/[[\]]+/).filter(Boolean)
    return [key!, ...indexes.map(Number)]
  })
}

export function valueAt(form: EntryForm, path: string): unknown {
  return pathKeys(path).reduce<unknown>((value, key) => (value === null || value === undefined ? undefined : (value as Record<string | number, unknown>)[key]), form)
}

/** A copy of the form with one value replaced (objects on the way created as needed). */
export function withValue(form: EntryForm, path: string, value: unknown): EntryForm {
  const next = JSON.parse(JSON.stringify(form)) as EntryForm
  const keys = pathKeys(path)
  let target = next as unknown as Record<string | number, unknown>
  keys.slice(0, -1).forEach((key, i) => {
    if (target[key] === undefined || target[key] === null) target[key] = typeof keys[i + 1] === 'number' ? [] : {}
    target = target[key] as Record<string | number, unknown>
  })
  const last = keys[keys.length - 1]!
  if (value === undefined) delete target[last]
  else target[last] = value
  return next
}

/** Lines of a multi-line field → a list (empty lines dropped). */
export const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean)

/** The form's text for a number: typed digits become a number, anything else stays text for the API to refuse. */
export const numberOrText = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text)

/** A field on screen; `whole` lists and objects take the problems inside them, `also` names other paths it answers for. */
export interface FieldPlace {
  path: string
  whole?: boolean
  also?: string[]
}

/**
 * Which problems a field shows: its own path, and for fields that edit a whole list or object (受理条件,
 * 咨询电话) the problems inside it. The rest are listed under the form.
 */
export function placeIssues(issues: { path: string; message: string }[], fields: readonly FieldPlace[]) {
  const placed: Record<string, string> = {}
  const unplaced: string[] = []
  for (const issue of issues) {
    const field = fields.find((f) => f.path === issue.path || f.also?.includes(issue.path)) ?? fields.find((f) => f.whole && (issue.path.startsWith(`${f.path}[`) || issue.path.startsWith(`${f.path}.`)))
    if (field) placed[field.path] ??= issue.message
    else unplaced.push(issue.message)
  }
  return { placed, unplaced }
}
