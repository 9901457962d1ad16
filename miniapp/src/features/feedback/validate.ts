import type { FieldIssue } from '@ah-tourism/shared'

/**
 * Zod-using helpers for the feedback forms: import only from subpackage pages (the main package
 * must stay free of zod).
 */

export type IssueMap = Record<string, string>

interface SafeParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: ReadonlyArray<PropertyKey>; message: string }[] } }
}

/** `['business', 'name']` → `business.name`, as the API writes paths in `details`. */
const pathOf = (parts: ReadonlyArray<PropertyKey>) =>
  parts.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '')

/** The request as the shared schema reads it, or its problems by path (first message per path). */
export function check<T>(schema: SafeParser<T>, value: unknown): { data: T; issues: null } | { data: null; issues: IssueMap } {
  const result = schema.safeParse(value)
  if (result.success) return { data: result.data, issues: null }
  const issues: IssueMap = {}
  for (const issue of result.error.issues) issues[pathOf(issue.path)] ??= issue.message
  return { data: null, issues }
}

/** The API's field issues by path. */
export function issuesFrom(details: FieldIssue[]): IssueMap {
  const issues: IssueMap = {}
  for (const detail of details) issues[detail.path] ??= detail.message
  return issues
}
