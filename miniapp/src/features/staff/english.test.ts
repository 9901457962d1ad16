/// <reference types="jest" />
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { useLanguageForThisRun } from '@/i18n/catalogue'

/**
 * In English, every text and every function of the staff side's catalogues (staff pages and features,
 * the assessment, imports and charts) comes out in English: no Chinese characters or punctuation and no
 * placeholder left unfilled, whatever numbers or words the functions are given. The only Chinese kept
 * is data a person must type as it is (the import file's Chinese column headers).
 */
const SRC = join(__dirname, '..', '..')
const SCOPE = ['pages/staff', 'features/staff', 'features/assessment', 'features/imports', 'components/chart']
const CHINESE_DATA = new Set(['NATIONAL_IMPORT_STRINGS.pastePlaceholder'])
const WRONG = /\{\{|[\u3400-\u9fff，：；（）、。“”]/

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
}

useLanguageForThisRun('en')
afterAll(() => useLanguageForThisRun('zh-CN'))

describe('the staff side in English', () => {
  it('has no Chinese and no unfilled placeholder in any text or function of its catalogues', () => {
    const modules = SCOPE.flatMap((dir) => walk(join(SRC, dir)))
      .filter((path) => /\.ts$/.test(path) && !/\.test\.ts$/.test(path) && /\blocalize\(/.test(readFileSync(path, 'utf8')))
      .map((path) => require(path) as Record<string, unknown>)
    expect(modules.length).toBeGreaterThan(20)
    const found: string[] = []
    let checked = 0
    const visit = (name: string, value: unknown): void => {
      if (CHINESE_DATA.has(name)) return
      if (typeof value === 'function') {
        // Numbers and words in every position: each plural form and each placeholder is exercised.
        for (const args of [[1, 'a', 1, 'b', 1, 'c'], [2, 'a', 2, 'b', 2, 'c'], [0, 0, 0, 0, 0, 0], ['a', 'b', 'c', 'd', 'e', 'f']]) {
          const out = String((value as (...a: unknown[]) => unknown)(...args))
          checked += 1
          if (WRONG.test(out)) found.push(`${name}(${args.join(', ')}) = ${out}`)
        }
      } else if (typeof value === 'string') {
        checked += 1
        if (WRONG.test(value)) found.push(`${name} = ${value}`)
      } else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) visit(`${name}.${key}`, inner)
      }
    }
    for (const module of modules) {
      for (const [name, value] of Object.entries(module)) if (/(STRINGS|NAMES)$/.test(name)) visit(name, value)
    }
    expect(found).toEqual([])
    expect(checked).toBeGreaterThan(1000)
  })
})
