import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { REPO_ROOT } from '../local/paths';

/**
 * Generates shared/src/search/pinyin.json: the pinyin (full, toneless, ü as v) and the initials of
 * every item name and keyword in data/items, so that the search answers daoyou, dyz or lxs without a
 * pinyin library in the request path (functions stay small). Run after changing data/items:
 *   npx tsx scripts/seed/search-pinyin.ts
 * A test fails while the committed file is out of date.
 */
export const PINYIN_FILE = path.join(REPO_ROOT, 'shared/src/search/pinyin.json');
const ITEMS_DIR = path.join(REPO_ROOT, 'data/items');

export interface PinyinEntry {
  text: string;
  full: string;
  initials: string;
  /** An item's name (suggested while typing), not only one of its keywords. */
  item?: true;
}

/** Toneless pinyin of a phrase: Chinese characters as syllables, other letters and digits kept (lower case). */
export function pinyinOf(text: string): PinyinEntry {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { text, full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/** Names and keywords of every item file, each once, in a stable order. */
export function searchVocabulary(itemsDir: string = ITEMS_DIR): { words: string[]; names: Set<string> } {
  const words = new Set<string>();
  const names = new Set<string>();
  for (const file of readdirSync(itemsDir).filter((f) => f.endsWith('.json')).sort()) {
    const item = JSON.parse(readFileSync(path.join(itemsDir, file), 'utf8')) as { name: string; keywords: string[] };
    words.add(item.name);
    names.add(item.name);
    for (const keyword of item.keywords) if (/[\u4e00-\u9fff]/.test(keyword)) words.add(keyword);
  }
  return { words: [...words].sort((a, b) => a.localeCompare(b, 'zh-CN')), names };
}

export function buildPinyinFile(itemsDir: string = ITEMS_DIR): string {
  const { words, names } = searchVocabulary(itemsDir);
  const entries = words.map((word) => ({ ...pinyinOf(word), ...(names.has(word) ? { item: true as const } : {}) }));
  // One entry a line: readable diffs when an item is added.
  return `{\n  "entries": [\n${entries.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n')}\n  ]\n}\n`;
}

if (require.main === module) {
  writeFileSync(PINYIN_FILE, buildPinyinFile());
  console.log(`wrote ${path.relative(REPO_ROOT, PINYIN_FILE)}`);
}
