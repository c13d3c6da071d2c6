import { readFileSync } from 'node:fs'
import { unzlibSync } from 'fflate'

/** Width, height and the share of pixels that are not (near) white, of an 8-bit RGB/RGBA/gray PNG (as pdftoppm writes). */
export function pngInk(file: string): { width: number, height: number, ink: number } {
  const b = readFileSync(file)
  let pos = 8
  let width = 0
  let height = 0
  let channels = 3
  const idat: Uint8Array[] = []
  while (pos < b.length) {
    const len = b.readUInt32BE(pos)
    const type = b.toString('latin1', pos + 4, pos + 8)
    const data = b.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8) throw new Error('only 8-bit PNGs')
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[data[9]!] ?? 3
    }
    if (type === 'IDAT') idat.push(data)
    pos += 12 + len
  }
  const raw = unzlibSync(Buffer.concat(idat))
  const stride = width * channels
  const prev = new Uint8Array(stride)
  const cur = new Uint8Array(stride)
  let inked = 0
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels]! : 0
      const up = prev[x]!
      const c = x >= channels ? prev[x - channels]! : 0
      const p = a + up - c
      const pred = f === 1 ? a : f === 2 ? up : f === 3 ? (a + up) >> 1 : f === 4 ? (Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c) : 0
      cur[x] = (line[x]! + pred) & 0xFF
    }
    for (let x = 0; x < width; x++) {
      const px = cur.subarray(x * channels, x * channels + Math.min(channels, 3))
      if (Math.min(...px) < 200) inked++
    }
    prev.set(cur)
  }
  return { width, height, ink: inked / (width * height) }
}
