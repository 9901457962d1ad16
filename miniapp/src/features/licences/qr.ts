import qrcode from 'qrcode-generator'

/**
 * A licence's QR code as an image both platforms draw: an SVG data URI for <Image>. WeChat's image
 * component renders SVG (without percentages or <style>, which this never uses) as H5's <img> does, so
 * no canvas (a native component on weapp, a different API on H5) is needed.
 *
 * The token (AHL1.<payload>.<signature>, about 1–1.5 KB of ASCII) goes in byte mode at error
 * correction L: the code is shown on a screen, not printed, so damage is unlikely and the lowest
 * level keeps the fewest, and so the largest, modules (about version 25–30, 117–137 modules a side).
 */

/** The quiet zone the QR standard asks for: four modules on every side. */
const QUIET_ZONE = 4

export interface QrMatrix {
  /** Modules a side, quiet zone excluded. */
  size: number
  isDark: (row: number, col: number) => boolean
}

export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, 'L')
  qr.addData(text, 'Byte')
  qr.make()
  return { size: qr.getModuleCount(), isDark: (row, col) => qr.isDark(row, col) }
}

/** One path for all dark modules, row by row, a run of dark modules as one rectangle. */
export function qrPath({ size, isDark }: QrMatrix): string {
  const parts: string[] = []
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; ) {
      if (!isDark(row, col)) {
        col += 1
        continue
      }
      const start = col
      while (col < size && isDark(row, col)) col += 1
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`)
    }
  }
  return parts.join('')
}

/** The SVG: one unit per module, white background with the quiet zone, drawn `pixels` wide. */
export function qrSvg(matrix: QrMatrix, pixels: number): string {
  const side = matrix.size + 2 * QUIET_ZONE
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${pixels}" height="${pixels}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#ffffff"/><path d="${qrPath(matrix)}" fill="#000000"/></svg>`
  )
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 of an ASCII text (no btoa in the mini-program). */
export function base64Ascii(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i)
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
    out += i + 1 < text.length ? B64[(n >> 6) & 63]! : '='
    out += i + 2 < text.length ? B64[n & 63]! : '='
  }
  return out
}

/** The QR code of `text` as an image address. */
export function qrDataUri(text: string, pixels = 600): string {
  return `data:image/svg+xml;base64,${base64Ascii(qrSvg(qrMatrix(text), pixels))}`
}
