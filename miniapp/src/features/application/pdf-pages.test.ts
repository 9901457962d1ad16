import { zlibSync } from 'fflate'
import { pdfPageCount } from './pdf-pages'

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void
  on(event: 'end', listener: () => void): void
  addPage(): { text(text: string): void }
  end(): void
}
// pdfkit (a real PDF writer, a dev dependency of the repository) has no type declarations of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as new (options: { autoFirstPage: boolean }) => PdfKitDocument

function pdfkitFile(pages: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ autoFirstPage: false })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    for (let i = 0; i < pages; i += 1) doc.addPage().text(`Page ${i + 1}`)
    doc.end()
  })
}

/** A PDF 1.5 file whose page tree sits in a compressed object stream, as Word and most scanners write. */
function objectStreamFile(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ')
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R >>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>`),
  ]
  let header = ''
  let body = ''
  objects.forEach((object, i) => {
    header += `${i + 1} ${body.length} `
    body += `${object}\n`
  })
  const content = zlibSync(new TextEncoder().encode(header + body))
  const head = `%PDF-1.5\n${objects.length + 1} 0 obj\n<< /Type /ObjStm /N ${objects.length} /First ${header.length} /Filter /FlateDecode /Length ${content.length} >>\nstream\n`
  const tail = `\nendstream\nendobj\n%%EOF\n`
  const enc = new TextEncoder()
  return new Uint8Array([...enc.encode(head), ...content, ...enc.encode(tail)])
}

describe('pdfPageCount', () => {
  test.each([1, 3, 12])('counts the pages of a %i-page file written by pdfkit', async (pages) => {
    expect(pdfPageCount(await pdfkitFile(pages))).toBe(pages)
  })

  test('finds the page tree inside a compressed object stream', () => {
    expect(pdfPageCount(objectStreamFile(7))).toBe(7)
  })

  test('an edited file: the last root page tree is the current one', () => {
    const enc = new TextEncoder()
    const file = enc.encode('%PDF-1.4\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n%%EOF\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n%%EOF\n')
    expect(pdfPageCount(file)).toBe(2)
  })

  test('says nothing for a file that is not a PDF or has no page tree', () => {
    expect(pdfPageCount(new TextEncoder().encode('hello'))).toBeNull()
    expect(pdfPageCount(new TextEncoder().encode('%PDF-1.7\n%%EOF'))).toBeNull()
  })
})
