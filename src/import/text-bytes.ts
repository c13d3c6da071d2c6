/**
 * A text file's bytes as UTF-8 for DuckDB's read_csv: the encoding detected as decode.ts does
 * (same names, same refusals), UTF-16 and GB18030 transcoded chunk by chunk into one buffer,
 * UTF-8 checked chunk by chunk and handed on as it is. No string of the whole file is built.
 */
import type { TextEncoding } from './decode'
import { BINARY_MESSAGE, isPlausibleGbk, UNKNOWN_ENCODING_MESSAGE } from './decode'
import { ImportError } from './types'

const CHUNK = 8 * 1024 * 1024

export interface Utf8Text {
  encoding: TextEncoding
  /** UTF-8 without a byte order mark (a subarray of the input when it was UTF-8 already). */
  bytes: Uint8Array
}

/**
 * Whether the bytes are well-formed UTF-8 (the Unicode standard's table 3-7, which is what
 * TextDecoder's fatal mode accepts): no overlong forms, no surrogates, nothing past U+10FFFF,
 * no sequence cut off. A loop over the bytes, runs of ASCII four at a time: in Chromium about
 * 5× faster than decoding the file with TextDecoder only to throw the text away.
 */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      // ASCII: skip four at a time while they are.
      while (i + 4 <= n && ((bytes[i]! | bytes[i + 1]! | bytes[i + 2]! | bytes[i + 3]!) & 0x80) === 0) i += 4
      while (i < n && bytes[i]! < 0x80) i++
      continue
    }
    if (b >= 0xc2 && b <= 0xdf) {
      if (i + 1 >= n || (bytes[i + 1]! & 0xc0) !== 0x80) return false
      i += 2
      continue
    }
    if (b >= 0xe0 && b <= 0xef) {
      if (i + 2 >= n) return false
      const b1 = bytes[i + 1]!
      const lo = b === 0xe0 ? 0xa0 : 0x80
      const hi = b === 0xed ? 0x9f : 0xbf
      if (b1 < lo || b1 > hi || (bytes[i + 2]! & 0xc0) !== 0x80) return false
      i += 3
      continue
    }
    if (b >= 0xf0 && b <= 0xf4) {
      if (i + 3 >= n) return false
      const b1 = bytes[i + 1]!
      const lo = b === 0xf0 ? 0x90 : 0x80
      const hi = b === 0xf4 ? 0x8f : 0xbf
      if (b1 < lo || b1 > hi || (bytes[i + 2]! & 0xc0) !== 0x80 || (bytes[i + 3]! & 0xc0) !== 0x80) return false
      i += 4
      continue
    }
    return false
  }
  return true
}

let validUtf8 = isWellFormedUtf8

/**
 * A faster check that bytes are valid UTF-8, where the runtime has one (Node's isUtf8: 10 ms
 * for 173 MB). It must accept exactly what TextDecoder's fatal mode accepts (the differential
 * tests compare the encodings found).
 */
export function useUtf8Validator(valid: (bytes: Uint8Array) => boolean): void {
  validUtf8 = valid
}

export function toUtf8(bytes: Uint8Array): Utf8Text {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3)
    if (!validUtf8(rest)) throw new ImportError(UNKNOWN_ENCODING_MESSAGE)
    if (rest.includes(0)) throw new ImportError(BINARY_MESSAGE)
    return { encoding: 'utf-8-bom', bytes: rest }
  }
  for (const [b0, b1, label] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (bytes[0] !== b0 || bytes[1] !== b1) continue
    const out = transcode(label, bytes.subarray(2))
    if (out === null) throw new ImportError(UNKNOWN_ENCODING_MESSAGE)
    if (out.includes(0)) throw new ImportError(BINARY_MESSAGE)
    return { encoding: label, bytes: out }
  }
  if (bytes.includes(0)) throw new ImportError(BINARY_MESSAGE)
  if (validUtf8(bytes)) return { encoding: 'utf-8', bytes }
  if (isPlausibleGbk(bytes)) {
    const out = transcode('gb18030', bytes)
    // GB18030 has its own byte order mark (84 31 95 33), U+FEFF in UTF-8.
    if (out !== null) return { encoding: 'gb18030', bytes: out[0] === 0xef && out[1] === 0xbb && out[2] === 0xbf ? out.subarray(3) : out }
  }
  throw new ImportError(UNKNOWN_ENCODING_MESSAGE)
}

function decoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true })
  }
  catch {
    return null // this runtime does not know the encoding
  }
}

/** The bytes decoded and written as UTF-8 into one buffer (UTF-8 never needs more than 1.5 times these encodings' bytes). */
function transcode(label: string, bytes: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(Math.ceil(bytes.length * 1.5) + 16)
  const encoder = new TextEncoder()
  let written = 0
  const ok = eachChunk(label, bytes, (text) => {
    written += encoder.encodeInto(text, out.subarray(written)).written
  })
  return ok ? out.subarray(0, written) : null
}

function eachChunk(label: string, bytes: Uint8Array, take: (text: string) => void): boolean {
  const d = decoder(label)
  if (d === null) return false
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK)
      take(d.decode(bytes.subarray(at, end), { stream: end < bytes.length }))
    }
    if (bytes.length === 0) take(d.decode(bytes))
    return true
  }
  catch {
    return false
  }
}
