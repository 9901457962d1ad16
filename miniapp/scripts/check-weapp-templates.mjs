#!/usr/bin/env node
/**
 * Checks that the weapp templates and Taro's runtime agree on attribute names.
 *
 * Taro shortens template attributes to numbered keys (`aria-label="{{i.p0}}"`), numbering each
 * component's attributes alphabetically; the runtime computes the same numbering when it sends data.
 * plugins/weapp-aria.js adds attributes on both sides; if the two lists ever differ, every
 * attribute after the difference is read from the wrong key and the app renders wrongly on WeChat,
 * which no H5 test would notice. This recomputes the runtime's numbering exactly as the bundle
 * does (Taro's components + the weapp platform's + ours) and compares it with base.wxml.
 *
 * Usage: node scripts/check-weapp-templates.mjs [dist/weapp]   → prints JSON, exits 1 on mismatch.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const distDir = path.resolve(process.argv[2] ?? path.join(here, '../dist/weapp'))

const sharedEntry = path.join(path.dirname(require.resolve('@tarojs/shared/package.json')), 'dist/shared.esm.js')
const weappRuntimeUtils = path.join(path.dirname(require.resolve('@tarojs/plugin-platform-weapp/package.json')), 'dist/runtime-utils.js')
const shared = await import(pathToFileURL(sharedEntry).href)
const { components: weappComponents } = await import(pathToFileURL(weappRuntimeUtils).href)
const { ariaComponents } = require('../plugins/weapp-aria-components.js')

// The same merges, in the same order, as the bundle's runtime entries.
shared.mergeInternalComponents(weappComponents)
shared.mergeInternalComponents(ariaComponents())
const alias = shared.getComponentsAlias(shared.internalComponents)
const byNumber = new Map(Object.entries(alias).map(([name, map]) => [map._num, { name, map }]))

const wxml = readFileSync(path.join(distDir, 'base.wxml'), 'utf8')
const toCamel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase())
let checked = 0
const mismatches = []
const templates = new Set()
for (const [, num, tag, attributes] of wxml.matchAll(/<template name="tmpl_0_(\d+)">\s*<([a-z-]+) ([^>]*)>/g)) {
  const component = byNumber.get(num)
  if (!component) continue
  templates.add(component.name)
  for (const [, attribute, key] of attributes.matchAll(/([a-z-]+)="\{\{[^}]*?\bi\.(p\d+)\b[^}]*\}\}"/g)) {
    checked += 1
    const expected = component.map[toCamel(attribute)]
    if (expected !== key) mismatches.push({ component: component.name, tag, attribute, template: key, runtime: expected ?? null })
  }
}

const ariaInTemplates = /<view [^>]*aria-label="\{\{i\.p\d+\}\}"/.test(wxml)
console.log(JSON.stringify({ checked, templates: [...templates].sort(), ariaInTemplates, mismatches }))
process.exit(mismatches.length === 0 && checked > 0 && ariaInTemplates ? 0 : 1)
