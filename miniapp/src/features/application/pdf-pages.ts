import { unzlibSync } from 'fflate'

/**
 * How many pages a PDF has, read from its bytes on the phone before upload (the guide may state a page
 * limit), or null when the file does not say. The page tree's root (`/Type /Pages` without a `/Parent`)
 * carries the count; PDF 1.5+ files often keep it inside compressed object streams (`/ObjStm`,
 * FlateDecode), which are inflated to look there. A file that was edited keeps older versions of its
 * objects: the last root counted is the current one.
 */
export function pdfPageCount(bytes: Uint8Array): number | null {
  const text = latin1(bytes)
  if (!text.startsWith('%PDF-')) return null
  const counts = [...rootCounts(text), ...objectStreams(text, bytes).flatMap(rootCounts)]
  return counts.length ? counts[counts.length - 1]! : null
}

function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

/** The dictionary starting at `<<` at `start`, nested dictionaries included. */
function dictionaryAt(text: string, start: number): string {
  let depth = 0
  for (let i = start; i < text.length - 1; i += 1) {
    if (text[i] === '<' && text[i + 1] === '<') {
      depth += 1
      i += 1
    } else if (text[i] === '>' && text[i + 1] === '>') {
      depth -= 1
      i += 1
      if (depth === 0) return text.slice(start, i + 1)
    }
  }
  return text.slice(start)
}

/** The start of the innermost dictionary enclosing `at`. */
function enclosingDictionary(text: string, at: number): number {
  let depth = 0
  for (let i = at; i > 0; i -= 1) {
    if (text[i] === '>' && text[i - 1] === '>') {
      depth += 1
      i -= 1
    } else if (text[i] === '<' && text[i - 1] === '<') {
      if (depth === 0) return i - 1
      depth -= 1
      i -= 1
    }
  }
  return -1
}

function rootCounts(text: string): number[] {
  const counts: number[] = []
  for (const match of text.matchAll(/\/Type\s*\/Pages\b/g)) {
    const start = enclosingDictionary(text, match.index)
    if (start < 0) continue
    const dictionary = dictionaryAt(text, start)
    if (/\/Parent\b/.test(dictionary)) continue
    const count = /\/Count\s+(\d+)/.exec(dictionary)
    if (count) counts.push(Number(count[1]))
  }
  return counts
}

/** The inflated contents of the file's FlateDecode object streams. */
function objectStreams(text: string, bytes: Uint8Array): string[] {
  const out: string[] = []
  for (const match of text.matchAll(/\/Type\s*\/ObjStm\b/g)) {
    const start = enclosingDictionary(text, match.index)
    if (start < 0) continue
    const dictionary = dictionaryAt(text, start)
    if (!/\/FlateDecode\b/.test(dictionary)) continue
    const stream = /^stream\r?\n/.exec(text.slice(start + dictionary.length).trimStart())
    if (!stream) continue
    const dataStart = text.indexOf(stream[0], start + dictionary.length) + stream[0].length
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary)
    const dataEnd = length ? dataStart + Number(length[1]) : text.indexOf('endstream', dataStart)
    try {
      out.push(latin1(unzlibSync(bytes.subarray(dataStart, dataEnd))))
    } catch {
      // A stream that does not inflate says nothing about pages.
    }
  }
  return out
}
