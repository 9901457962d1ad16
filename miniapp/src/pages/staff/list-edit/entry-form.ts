import type { ImplementationItem } from '@ah-tourism/shared'

/** The element id of a field on the form, from its path. */
export const fieldId = (path: string) => `le-${path.replace(/[^A-Za-z0-9]+/g, '-')}`

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

/** A material's id for the guide schema (`^[a-z0-9-]{1,40}$`): `material-<n>`, the first not taken in the guide. */
export function newMaterialId(taken: readonly string[]): string {
  const ids = new Set(taken)
  let n = taken.length + 1
  while (ids.has(`material-${n}`)) n += 1
  return `material-${n}`
}

type Material = Record<string, unknown>

/** A new material as an editor starts it: the commonest choices, name and acceptance standard still to write. */
export function newMaterial(materials: readonly Material[]): Material {
  const id = newMaterialId(materials.map((m) => String(m.id ?? '')))
  return { id, name: '', kind: 'original', form: 'electronic_or_paper', necessity: 'required', source: 'applicant', copies: 1, acceptanceStandard: '' }
}

/** The list with one element moved by `by` places (up −1, down +1); unchanged when it would leave the list. */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list]
  const next = [...list]
  const [element] = next.splice(index, 1)
  next.splice(to, 0, element!)
  return next
}

/**
 * A material with one choice changed, without the fields the choice makes meaningless: 适用情形 only
 * when 情形必要, 证照名称 and 发证部门 only when 政府部门核发. The machine-read condition (the agent's
 * authorisation) is kept: changing that material's necessity is for the API to refuse.
 */
export function withChoice(material: Material, field: 'kind' | 'form' | 'necessity' | 'source', value: string): Material {
  const next: Material = { ...material, [field]: value }
  if (field === 'necessity' && value !== 'conditional') delete next.condition
  if (field === 'source' && value !== 'issued_licence') {
    delete next.licenceName
    delete next.issuer
  }
  return next
}
