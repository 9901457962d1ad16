import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { registeredCatalogues, type EnglishEntry, type Entry } from './catalogue'

/**
 * The English catalogues are complete and well formed: every Chinese text of every catalogue module has
 * its English (not the Chinese copied), every function its template (placeholders only for arguments it
 * has) or `null`, and the English holds no key the Chinese lost. The modules are found on disk, so a new
 * catalogue is checked without being listed here.
 */
const SRC = join(__dirname, '..')
const HAN = /\p{Script=Han}/u
const LATIN = /[A-Za-z]/

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

const sources = walk(SRC).filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
const catalogueModules = sources.filter((path) => /\blocalize\(/.test(readFileSync(path, 'utf8')) && !path.endsWith('catalogue.ts'))

beforeAll(() => {
  for (const path of catalogueModules) require(path)
})

/**
 * A module's code outside its `localize(...)` calls (those lines blanked, so line numbers stay): a catalogue
 * module's other exports are checked like any code.
 */
function outsideCatalogues(path: string, source: string): string {
  if (!catalogueModules.includes(path)) return source
  const lines = source.split('\n')
  let inside = false
  return lines
    .map((line) => {
      if (/=\s*localize\(/.test(line)) inside = !/\)\s*$/.test(line) || /\{\s*$/.test(line)
      else if (inside && /^\}.*\)\s*$/.test(line)) {
        inside = false
        return ''
      } else if (!inside) return line
      return ''
    })
    .join('\n')
}

function problems(namespace: string, path: string[], chinese: Entry, english: EnglishEntry | undefined, parent: Record<string, EnglishEntry> | undefined): string[] {
  const at = `${namespace}:${path.join('.')}`
  if (typeof chinese === 'string') {
    if (typeof english !== 'string') return [`${at}: no English`]
    if (HAN.test(chinese) && (english === chinese || !LATIN.test(english))) return [`${at}: not translated ("${english}")`]
    return []
  }
  if (typeof chinese === 'function') {
    const last = path[path.length - 1] ?? ''
    const plural = parent && typeof parent[`${last}_other`] === 'string' ? [parent[`${last}_one`], parent[`${last}_other`]] : []
    const templates = english === undefined ? plural : [english]
    if (!templates.length) return [`${at}: no English template (a string, plural forms or null)`]
    return templates.flatMap((template) => {
      if (template === null) return []
      if (typeof template !== 'string') return [`${at}: English must be a template string or null`]
      if (HAN.test(template) && !LATIN.test(template)) return [`${at}: not translated ("${template}")`]
      const bad = [...template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!).filter((name) => name !== 'count' && !(Number(name) < chinese.length))
      return bad.length ? [`${at}: placeholders ${bad.join(', ')} are not arguments (it takes ${chinese.length})`] : []
    })
  }
  if (chinese && typeof chinese === 'object') {
    if (!english || typeof english !== 'object') return [`${at}: no English group`]
    const group = english as Record<string, EnglishEntry>
    const own = Object.entries(chinese).flatMap(([key, value]) => problems(namespace, [...path, key], value as Entry, group[key], group))
    const stale = Object.keys(group)
      .filter((key) => !(key in chinese) && !/_(zero|one|two|few|many|other)$/.test(key))
      .map((key) => `${namespace}:${[...path, key].join('.')}: English has a key the Chinese does not`)
    return [...own, ...stale]
  }
  return []
}

describe('the English catalogues', () => {
  test('every catalogue module is found and registers its namespaces once', () => {
    expect(catalogueModules.length).toBeGreaterThan(40)
    const names = registeredCatalogues.map((catalogue) => catalogue.namespace)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
  })

  test('every text has its English', () => {
    const found = registeredCatalogues.flatMap(({ namespace, chinese, english }) =>
      english ? problems(namespace, [], chinese as Entry, english, undefined) : [`${namespace}: no English catalogue`],
    )
    expect(found).toEqual([])
  })

  test('no text a person sees is written outside the catalogues', () => {
    // Comments may be Chinese; code may not carry Chinese text outside a catalogue module. A line that must
    // (Chinese data the code reads, such as a header row it recognises) says why with `i18n-exempt: <reason>`.
    const found = sources
      .filter((path) => !path.endsWith('.config.ts'))
      .flatMap((path) =>
        outsideCatalogues(path, readFileSync(path, 'utf8'))
          .split('\n')
          .map((line, i) => ({ line: line.includes('i18n-exempt:') ? '' : line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, ''), n: i + 1 }))
          .filter(({ line }) => HAN.test(line))
          .map(({ n }) => `${relative(SRC, path)}:${n}`),
      )
    expect(found).toEqual([])
  })
})
