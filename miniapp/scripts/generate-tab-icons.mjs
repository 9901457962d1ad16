#!/usr/bin/env node
/**
 * Draws the tab-bar icons (normal + selected for 首页 / 办事 / 我的) as 81×81 PNGs, the size WeChat
 * recommends, using only Node's zlib. Each icon is a set of stroked paths rendered with 4×4
 * supersampling for smooth edges. Run: `node scripts/generate-tab-icons.mjs` from miniapp/.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const SAMPLES = 4
const STROKE = 0.075 // stroke width as a fraction of the icon size
const COLORS = {
  normal: [0x5f, 0x66, 0x70], // grey, 5.9:1 on white
  selected: [0x1a, 0x5f, 0xb4], // the app's primary blue
}

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar')

// ---- geometry (coordinates in 0..1) ----

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function polyline(points, closed = false) {
  const segments = []
  for (let i = 0; i < points.length - 1; i += 1) segments.push([points[i], points[i + 1]])
  if (closed) segments.push([points[points.length - 1], points[0]])
  return segments
}

function arc(cx, cy, rx, ry, fromDeg, toDeg, steps = 48) {
  const points = []
  for (let i = 0; i <= steps; i += 1) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180
    points.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)])
  }
  return points
}

function roundedRect(x0, y0, x1, y1, r) {
  return [
    ...arc(x1 - r, y0 + r, r, r, -90, 0, 12),
    ...arc(x1 - r, y1 - r, r, r, 0, 90, 12),
    ...arc(x0 + r, y1 - r, r, r, 90, 180, 12),
    ...arc(x0 + r, y0 + r, r, r, 180, 270, 12),
  ]
}

const ICONS = {
  // A house: roof, walls and a door.
  home: [
    ...polyline([[0.13, 0.47], [0.5, 0.16], [0.87, 0.47]]),
    ...polyline([[0.24, 0.4], [0.24, 0.84], [0.76, 0.84], [0.76, 0.4]]),
    ...polyline([[0.42, 0.84], [0.42, 0.62], [0.58, 0.62], [0.58, 0.84]]),
  ],
  // A service guide: a sheet with lines of text.
  items: [
    ...polyline(roundedRect(0.2, 0.13, 0.8, 0.87, 0.09), true),
    ...polyline([[0.34, 0.36], [0.66, 0.36]]),
    ...polyline([[0.34, 0.52], [0.66, 0.52]]),
    ...polyline([[0.34, 0.68], [0.54, 0.68]]),
  ],
  // A person: head and shoulders.
  mine: [
    ...polyline(arc(0.5, 0.34, 0.17, 0.17, 0, 360), true),
    ...polyline(arc(0.5, 0.9, 0.32, 0.3, 180, 360)),
  ],
}

// ---- rasterising ----

function render(segments, [r, g, b]) {
  const rgba = Buffer.alloc(SIZE * SIZE * 4)
  const half = STROKE / 2
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      let covered = 0
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const px = (x + (sx + 0.5) / SAMPLES) / SIZE
          const py = (y + (sy + 0.5) / SAMPLES) / SIZE
          if (segments.some(([a, bPoint]) => distanceToSegment(px, py, a, bPoint) <= half)) covered += 1
        }
      }
      const offset = (y * SIZE + x) * 4
      rgba[offset] = r
      rgba[offset + 1] = g
      rgba[offset + 2] = b
      rgba[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255)
    }
  }
  return rgba
}

// ---- PNG encoding ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function encodePng(rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type RGBA
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y += 1) {
    rows[y * (SIZE * 4 + 1)] = 0 // filter: none
    rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(OUT_DIR, { recursive: true })
for (const [name, segments] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = join(OUT_DIR, state === 'normal' ? `${name}.png` : `${name}-active.png`)
    const png = encodePng(render(segments, color))
    writeFileSync(file, png)
    console.log(`${file.slice(OUT_DIR.length + 1)}  ${png.length} bytes`)
  }
}
