import { ImportError } from './types'

/** How a text file was decoded (the values of Grid.encoding for CSV files). */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  encoding: TextEncoding
  /** The file's text, without its byte order mark. */
  text: string
}

export const UNKNOWN_ENCODING_MESSAGE =
  '文件编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030），请另存为“CSV UTF-8”后重试。 / ' +
  "The file's encoding could not be recognised (not UTF-8, UTF-16 or GBK/GB18030). Save it as UTF-8 CSV and try again."

export const BINARY_MESSAGE =
  '这不是文本（CSV）文件：其中含有二进制数据。 / ' +
  'The file contains binary data, so it is not a text (CSV) file. ' +
  'If it is UTF-16 text without a byte order mark, save it as UTF-8 CSV and try again.'

const TOO_LONG_MESSAGE =
  '文本文件过大，无法读取，请拆分后重试或另存为 XLSX/Parquet。 / ' +
  'The text file is too large to read in one piece. Split it, or save it as XLSX or Parquet, and try again.'

/**
 * Share of GBK double-byte characters allowed outside GB2312. Text in GBK is
 * overwhelmingly GB2312 characters; Shift_JIS, Big5 and Latin-1 bytes that happen
 * to form valid GB18030 land mostly in the rare GBK extension rows instead.
 */
const MAX_RARE_GBK_SHARE = 0.1
const MIN_HANZI_FOR_ROW_CHECK = 20
const MIN_LATE_HANZI_SHARE = 0.05

/** Detects the encoding of a text file and decodes it; never returns mojibake. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: decodeStrict('utf-8', bytes.subarray(3)) }
  }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', text: decodeStrict('utf-16le', bytes.subarray(2)) }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', text: decodeStrict('utf-16be', bytes.subarray(2)) }

  if (bytes.includes(0)) throw new ImportError(BINARY_MESSAGE)
  const utf8 = tryDecode('utf-8', bytes)
  if (utf8 !== null) return { encoding: 'utf-8', text: utf8 }
  if (isPlausibleGbk(bytes)) {
    const gbk = tryDecode('gb18030', bytes)
    // GB18030 has its own byte order mark (84 31 95 33), decoded as U+FEFF.
    if (gbk !== null) return { encoding: 'gb18030', text: gbk.startsWith('\uFEFF') ? gbk.slice(1) : gbk }
  }
  throw new ImportError(UNKNOWN_ENCODING_MESSAGE)
}

/** Decodes text whose encoding is known from its byte order mark. */
function decodeStrict(label: string, bytes: Uint8Array): string {
  const text = tryDecode(label, bytes)
  if (text === null) throw new ImportError(UNKNOWN_ENCODING_MESSAGE)
  if (text.includes('\0')) throw new ImportError(BINARY_MESSAGE)
  return text
}

/** The text, or null when the bytes are not valid in that encoding. */
function tryDecode(label: string, bytes: Uint8Array): string | null {
  let decoder: TextDecoder
  try {
    // ignoreBOM keeps the text exactly as stored: the caller has already removed the mark.
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true })
  } catch {
    return null // this runtime does not know the encoding
  }
  try {
    return decoder.decode(bytes)
  } catch (error) {
    // Invalid bytes raise a TypeError; anything else is a string over the engine's length limit.
    if (error instanceof TypeError) return null
    throw new ImportError(TOO_LONG_MESSAGE)
  }
}

/**
 * Whether GB18030-valid bytes really look like Chinese: mostly common GB2312
 * characters, and hanzi from the whole GB2312 range. Byte validity itself is
 * left to TextDecoder.
 */
export function isPlausibleGbk(bytes: Uint8Array): boolean {
  const { common, rare, hanzi, lateHanzi } = countGbkCharacters(bytes)
  if (common === 0 || rare > (common + rare) * MAX_RARE_GBK_SHARE) return false
  // EUC-KR Hangul lands on GB2312 hanzi with lead bytes B0-C8 only, while
  // Chinese text always uses the later rows too (是 我 在 中 这 有 ...).
  return hanzi < MIN_HANZI_FOR_ROW_CHECK || lateHanzi >= hanzi * MIN_LATE_HANZI_SHARE
}

/** Walks the bytes as GB18030; four-byte sequences and stray bytes count as rare. */
function countGbkCharacters(bytes: Uint8Array): { common: number; rare: number; hanzi: number; lateHanzi: number } {
  const counts = { common: 0, rare: 0, hanzi: 0, lateHanzi: 0 }
  const n = bytes.length
  let i = 0
  while (i < n) {
    const lead = bytes[i] as number
    if (lead < 0x80) {
      i++
      continue
    }
    const trail = bytes[i + 1] ?? 0
    if (lead === 0x80 || lead === 0xff) {
      counts.rare++
      i++
    } else if (trail >= 0x30 && trail <= 0x39) {
      counts.rare++
      i += 4
    } else {
      if (isCommonGb2312(lead, trail)) counts.common++
      else counts.rare++
      if (lead >= 0xb0 && lead <= 0xf7) counts.hanzi++
      if (lead >= 0xc9 && lead <= 0xf7) counts.lateHanzi++
      i += 2
    }
  }
  return counts
}

/**
 * The GB2312 rows Chinese text is made of: punctuation and full-width forms
 * (A1-A3), pinyin and box drawing (A8-A9), hanzi (B0-F7). The kana rows
 * (A4-A5) are left out: EUC-JP Japanese would otherwise pass as Chinese.
 */
function isCommonGb2312(lead: number, trail: number): boolean {
  const leadOk = (lead >= 0xa1 && lead <= 0xa3) || lead === 0xa8 || lead === 0xa9 || (lead >= 0xb0 && lead <= 0xf7)
  return leadOk && trail >= 0xa1 && trail <= 0xfe
}
