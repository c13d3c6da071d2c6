import { Inflate } from 'fflate'
import type { ReadLimits, Sheet } from './types'
import { ImportError } from './types'

/** What an .xlsx workbook holds for the reader stage: every worksheet as text cells. */
export interface XlsxWorkbook {
  sheets: Sheet[]
  date1904: boolean
}

export const NOT_XLSX_MESSAGE = '不是有效的 .xlsx 工作簿。 / This is not a valid .xlsx workbook.'

/** Excel's built-in number formats that show dates or times. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])
const MAX_COLUMNS = 16384
const INFLATE_CHUNK = 64 * 1024
const REL_TYPE = { officeDocument: '/officeDocument', worksheet: '/worksheet', sharedStrings: '/sharedStrings', styles: '/styles' }

/** Reads every worksheet of an .xlsx file. Throws ImportError for anything that is not a readable workbook. */
export function readXlsx(bytes: Uint8Array, limits: ReadLimits): XlsxWorkbook {
  const zip = new ZipArchive(bytes, limits.maxXlsxUncompressedBytes)
  const workbookPath = findWorkbookPath(zip)
  const workbook = parseWorkbook(zip.text(workbookPath))
  const rels = parseRels(zip.textIfPresent(relsPathOf(workbookPath)), dirOf(workbookPath))
  const partOfType = (type: string, fallback: string): string | undefined => {
    const target = [...rels.values()].find((rel) => rel.type.endsWith(type))?.target ?? fallback
    return zip.has(target) ? target : undefined
  }

  const sheetRefs = workbook.sheets.flatMap(({ name, relId }) => {
    const rel = rels.get(relId)
    return rel && rel.type.endsWith(REL_TYPE.worksheet) && zip.has(rel.target) ? [{ name, path: rel.target }] : []
  })
  const sharedStringsPath = partOfType(REL_TYPE.sharedStrings, 'xl/sharedStrings.xml')
  const stylesPath = partOfType(REL_TYPE.styles, 'xl/styles.xml')
  zip.checkDeclaredSizes([sharedStringsPath, stylesPath, ...sheetRefs.map((ref) => ref.path)])

  const context: SheetContext = {
    sharedStrings: sharedStringsPath ? readSharedStrings(zip.text(sharedStringsPath)) : [],
    styles: stylesPath ? readCellStyles(zip.text(stylesPath)) : [],
    date1904: workbook.date1904,
    cellCount: 0,
    maxCells: limits.maxXlsxCells,
  }
  const sheets = sheetRefs.map((ref) => readWorksheet(zip.text(ref.path), ref.name, context))
  return { sheets, date1904: workbook.date1904 }
}

// ---------------------------------------------------------------- zip

interface ZipEntry {
  method: number
  compressedSize: number
  size: number
  offset: number
}

/** The zip's central directory, and inflation of its parts under the uncompressed-size limit. */
class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>()
  private inflated = 0

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxBytes: number,
  ) {
    try {
      readCentralDirectory(bytes, (name, entry) => this.entries.set(normalizePath(name), entry))
    } catch (error) {
      throw error instanceof ImportError ? error : new ImportError(NOT_XLSX_MESSAGE)
    }
  }

  has(path: string): boolean {
    return this.entries.has(normalizePath(path))
  }

  /** Refuses, before inflating anything, parts whose declared sizes add up to more than the limit. */
  checkDeclaredSizes(paths: ReadonlyArray<string | undefined>): void {
    const unique = new Set(paths.filter((p): p is string => p !== undefined).map(normalizePath))
    let total = this.inflated
    for (const path of unique) total += this.entries.get(path)?.size ?? 0
    if (total > this.maxBytes) throw tooLarge(this.maxBytes)
  }

  textIfPresent(path: string): string | undefined {
    return this.has(path) ? this.text(path) : undefined
  }

  text(path: string): string {
    const data = this.read(path)
    // XML parts are UTF-8 in practice, but the standard also allows UTF-16 with a byte order mark.
    const label = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8'
    try {
      return new TextDecoder(label).decode(data)
    } catch {
      throw new ImportError('工作表过大，无法读取。 / A worksheet of this workbook is too large to read.')
    }
  }

  private read(path: string): Uint8Array {
    const entry = this.entries.get(normalizePath(path))
    if (!entry) throw new ImportError(NOT_XLSX_MESSAGE)
    this.checkDeclaredSizes([path])
    try {
      return this.inflate(entry)
    } catch (error) {
      throw error instanceof ImportError ? error : new ImportError(NOT_XLSX_MESSAGE)
    }
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)
    if (view.getUint32(entry.offset, true) !== 0x04034b50) throw new ImportError(NOT_XLSX_MESSAGE)
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true)
    const compressed = this.bytes.subarray(start, start + entry.compressedSize)
    if (compressed.length !== entry.compressedSize) throw new ImportError(NOT_XLSX_MESSAGE)
    if (entry.method === 0) {
      this.count(compressed.length)
      return compressed
    }
    // Deflate cannot expand more than 1032:1, so a bigger declared size is a lie not worth allocating for.
    if (entry.method !== 8 || entry.size > entry.compressedSize * 1032 + 1024) throw new ImportError(NOT_XLSX_MESSAGE)
    const out = new Uint8Array(entry.size)
    let written = 0
    const inflater = new Inflate((chunk) => {
      this.count(chunk.length)
      if (written + chunk.length > out.length) throw new ImportError(NOT_XLSX_MESSAGE)
      out.set(chunk, written)
      written += chunk.length
    })
    // Pushing in slices bounds what one push can inflate, so a zip bomb stops at the limit.
    let pos = 0
    do {
      const end = Math.min(pos + INFLATE_CHUNK, compressed.length)
      inflater.push(compressed.subarray(pos, end), end === compressed.length)
      pos = end
    } while (pos < compressed.length)
    if (written !== out.length) throw new ImportError(NOT_XLSX_MESSAGE)
    return out
  }

  private count(inflatedBytes: number): void {
    this.inflated += inflatedBytes
    if (this.inflated > this.maxBytes) throw tooLarge(this.maxBytes)
  }
}

function tooLarge(maxBytes: number): ImportError {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return new ImportError(
    `工作簿解压后超过 ${mb} MB 的上限（maxXlsxUncompressedBytes）。 / ` +
      `The workbook unpacks to more than the ${mb} MB limit (maxXlsxUncompressedBytes).`,
  )
}

/** Walks the central directory (zip64 included); sizes and offsets come from there, not from local headers. */
function readCentralDirectory(bytes: Uint8Array, onEntry: (name: string, entry: ZipEntry) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = bytes.length - 22
  const lowest = Math.max(0, eocd - 0xffff)
  while (eocd >= lowest && view.getUint32(eocd, true) !== 0x06054b50) eocd--
  if (eocd < lowest) throw new ImportError(NOT_XLSX_MESSAGE)
  let count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const zip64 = Number(view.getBigUint64(eocd - 12, true))
    if (view.getUint32(zip64, true) === 0x06064b50) {
      count = Number(view.getBigUint64(zip64 + 32, true))
      offset = Number(view.getBigUint64(zip64 + 48, true))
    }
  }
  const names = new TextDecoder('utf-8')
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new ImportError(NOT_XLSX_MESSAGE)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const entry: ZipEntry = {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      offset: view.getUint32(offset + 42, true),
    }
    readZip64Sizes(view, offset + 46 + nameLength, extraLength, entry)
    onEntry(names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)), entry)
    offset += 46 + nameLength + extraLength + view.getUint16(offset + 32, true)
  }
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order, only when saturated. */
function readZip64Sizes(view: DataView, from: number, length: number, entry: ZipEntry): void {
  for (let p = from; p + 4 <= from + length; p += 4 + view.getUint16(p + 2, true)) {
    if (view.getUint16(p, true) !== 0x0001) continue
    let field = p + 4
    for (const key of ['size', 'compressedSize', 'offset'] as const) {
      if (entry[key] !== 0xffffffff) continue
      entry[key] = Number(view.getBigUint64(field, true))
      field += 8
    }
  }
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\//, '').toLowerCase()
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/') + 1
  return `${partPath.slice(0, slash)}_rels/${partPath.slice(slash)}.rels`
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolveTarget(dir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : dir + target).split('/')
  const out: string[] = []
  for (const segment of segments) {
    if (segment === '..') out.pop()
    else if (segment !== '.' && segment !== '') out.push(segment)
  }
  return out.join('/')
}

// ---------------------------------------------------------------- package parts

interface Rel {
  type: string
  target: string
}

function findWorkbookPath(zip: ZipArchive): string {
  const rels = parseRels(zip.textIfPresent('_rels/.rels'), '')
  const main = [...rels.values()].find((rel) => rel.type.endsWith(REL_TYPE.officeDocument))
  const path = main && zip.has(main.target) ? main.target : 'xl/workbook.xml'
  if (zip.has(path)) return path
  if (zip.has('xl/workbook.bin')) {
    throw new ImportError('不支持 .xlsb 二进制工作簿，请另存为 .xlsx。 / Binary .xlsb workbooks are not supported: save it as .xlsx.')
  }
  throw new ImportError(NOT_XLSX_MESSAGE)
}

function parseRels(xml: string | undefined, dir: string): Map<string, Rel> {
  const rels = new Map<string, Rel>()
  if (xml === undefined) return rels
  const reader = new XmlReader(xml)
  while (reader.next()) {
    if (reader.name !== 'Relationship' || reader.isEnd || reader.attr('TargetMode') === 'External') continue
    rels.set(reader.attr('Id') ?? '', { type: reader.attr('Type') ?? '', target: resolveTarget(dir, reader.attr('Target') ?? '') })
  }
  return rels
}

function parseWorkbook(xml: string): { date1904: boolean; sheets: { name: string; relId: string }[] } {
  const reader = new XmlReader(xml)
  let date1904 = false
  const sheets: { name: string; relId: string }[] = []
  while (reader.next()) {
    if (reader.isEnd) continue
    if (reader.name === 'workbookPr') {
      const value = reader.attr('date1904')
      date1904 = value === '1' || value === 'true'
    } else if (reader.name === 'sheet') {
      sheets.push({ name: reader.attr('name') ?? '', relId: reader.attr('id') ?? '' })
    }
  }
  return { date1904, sheets }
}

function readSharedStrings(xml: string): string[] {
  const reader = new XmlReader(xml)
  const strings: string[] = []
  while (reader.next()) {
    if (reader.name === 'si' && !reader.isEnd) strings.push(reader.isEmpty ? '' : readRichText(reader, 'si'))
  }
  return strings
}

/** The text of a string item: plain `<t>` or rich-text runs, without phonetic (`<rPh>`) runs. */
function readRichText(reader: XmlReader, container: string): string {
  let text = ''
  let phonetic = 0
  while (reader.next()) {
    const { name } = reader
    if (name === container && reader.isEnd) break
    if (name === 'rPh' && !reader.isEmpty) phonetic += reader.isEnd ? -1 : 1
    else if (name === 't' && !reader.isEnd && !reader.isEmpty && phonetic === 0) text += reader.readText()
  }
  return unescapeOoxml(text)
}

// ---------------------------------------------------------------- styles and dates

/** How a cell style shows numbers: as a number, a date/time, or an elapsed duration ([h]:mm). */
export type NumberKind = 'number' | 'date' | 'duration'

/** One entry per `<cellXfs><xf>`, indexed by a cell's `s` attribute. */
function readCellStyles(xml: string): NumberKind[] {
  const reader = new XmlReader(xml)
  const formats = new Map<number, string>()
  const kinds: NumberKind[] = []
  let inCellXfs = false
  while (reader.next()) {
    const { name } = reader
    if (name === 'numFmt' && !reader.isEnd) {
      formats.set(Number(reader.attr('numFmtId')), reader.attr('formatCode') ?? '')
    } else if (name === 'cellXfs') {
      inCellXfs = !reader.isEnd && !reader.isEmpty
    } else if (name === 'xf' && inCellXfs && !reader.isEnd) {
      const id = Number(reader.attr('numFmtId') ?? 0)
      const code = formats.get(id)
      kinds.push(code === undefined ? (BUILTIN_DATE_FORMATS.has(id) ? 'date' : 'number') : formatKind(code))
    }
  }
  return kinds
}

/** Classifies a custom format code by its d/m/y/h/s tokens outside quotes, escapes and [brackets]. */
export function formatKind(code: string): NumberKind {
  if (/\[(h+|m+|s+)\]/i.test(code)) return 'duration'
  const bare = code.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '')
  return /[dmyhs]/i.test(bare) ? 'date' : 'number'
}

/**
 * Excel serial -> 'YYYY-MM-DD HH:MM:SS', rounded to the second. In the 1900 system
 * serial 1 is 1900-01-01 and serial 60 the 1900-02-29 Excel keeps for Lotus
 * compatibility. Serials under one day are times of day ('HH:MM:SS').
 * Null when the serial is not a date Excel can show.
 */
export function excelSerialToText(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null
  const totalSeconds = Math.round(serial * 86400)
  const days = Math.floor(totalSeconds / 86400)
  const time = clock(totalSeconds - days * 86400, 2)
  if (days === 0) return time
  if (!date1904 && days === 60) return `1900-02-29 ${time}`
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const date = new Date(epoch + days * 86_400_000)
  if (date.getUTCFullYear() > 9999) return null
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}`
}

/** An elapsed duration as Excel shows `[h]:mm:ss`, e.g. '36:00:00'. */
function durationText(serial: number): string {
  const seconds = Math.round(Math.abs(serial) * 86400)
  return (serial < 0 ? '-' : '') + clock(seconds, 1)
}

function clock(seconds: number, hourDigits: number): string {
  const hours = Math.floor(seconds / 3600)
  return `${String(hours).padStart(hourDigits, '0')}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

// ---------------------------------------------------------------- worksheets

interface SheetContext {
  sharedStrings: string[]
  styles: NumberKind[]
  date1904: boolean
  cellCount: number
  maxCells: number
}

/** Reads `<sheetData>`: rows keep their Excel numbers, cells their columns ('' fills the gaps). */
function readWorksheet(xml: string, name: string, context: SheetContext): Sheet {
  const sheet: Sheet = { name, rows: [], rowNumbers: [], rejected: [] }
  const reader = new XmlReader(xml)
  let cells: string[] = []
  let rowNumber = 0
  let column = -1
  let blank = true
  const endRow = (): void => {
    if (blank) return
    context.cellCount += cells.length
    if (context.cellCount > context.maxCells) throw tooManyCells(context.maxCells)
    sheet.rows.push(cells)
    sheet.rowNumbers.push(rowNumber)
  }
  while (reader.next()) {
    const tag = reader.name
    if (tag === 'row' && reader.isEnd) {
      endRow()
    } else if (tag === 'row') {
      rowNumber = Number(reader.attr('r')) || rowNumber + 1
      cells = []
      column = -1
      blank = true
    } else if (tag === 'c' && !reader.isEnd) {
      const ref = reader.attr('r')
      column = ref === undefined ? column + 1 : columnIndex(ref)
      const value = readCell(reader, context)
      if (value === '') continue
      while (cells.length < column) cells.push('')
      cells[column] = value
      blank &&= value.trim() === ''
    } else if (tag === 'sheetData' && reader.isEnd) {
      break
    }
  }
  return sheet
}

function tooManyCells(maxCells: number): ImportError {
  return new ImportError(
    `工作簿的单元格超过 ${maxCells} 个的上限（maxXlsxCells）。 / The workbook has more than ${maxCells} cells, the limit (maxXlsxCells).`,
  )
}

/** 'B3' -> 1 (zero-based column). */
export function columnIndex(ref: string): number {
  let index = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20 // lower case
    if (c < 0x61 || c > 0x7a) break
    index = index * 26 + (c - 0x60)
  }
  if (index < 1 || index > MAX_COLUMNS) throw new ImportError(NOT_XLSX_MESSAGE)
  return index - 1
}

/** Reads the current `<c>` element to its end and returns its value as text. */
function readCell(reader: XmlReader, context: SheetContext): string {
  const type = reader.attr('t') ?? 'n'
  const style = Number(reader.attr('s') ?? 0)
  let raw = ''
  let inline = ''
  if (!reader.isEmpty) {
    while (reader.next()) {
      const { name } = reader
      if (name === 'c' && reader.isEnd) break
      if (reader.isEnd || reader.isEmpty) continue
      if (name === 'v') raw = reader.readText()
      else if (name === 'is') inline = readRichText(reader, 'is')
    }
  }
  switch (type) {
    case 's':
      return raw === '' ? '' : (context.sharedStrings[Number(raw)] ?? '')
    case 'inlineStr':
      return inline
    case 'str':
      return unescapeOoxml(raw)
    case 'b':
      return raw === '' ? '' : raw === '0' ? 'FALSE' : 'TRUE'
    case 'e':
      return ''
    case 'd':
      return isoDateText(raw)
    default:
      return numberText(raw, context.styles[style] ?? 'number', context.date1904)
  }
}

/** A `t="d"` cell holds ISO 8601 text; keep its wall-clock date and time. */
function isoDateText(raw: string): string {
  const match = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(:\d\d)?)?/.exec(raw)
  if (!match) return raw
  return `${match[1]} ${match[2] ?? '00:00'}${match[3] ?? ':00'}`
}

function numberText(raw: string, kind: NumberKind, date1904: boolean): string {
  const value = raw.trim() === '' ? NaN : Number(raw)
  if (Number.isNaN(value)) return raw
  if (kind === 'date') return excelSerialToText(value, date1904) ?? String(value)
  if (kind === 'duration') return durationText(value)
  return String(value)
}

// ---------------------------------------------------------------- XML

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const BANG = 0x21
const QUESTION = 0x3f
const DOUBLE_QUOTE = 0x22
const SINGLE_QUOTE = 0x27
const EQUALS = 0x3d

/**
 * A pull reader over the tags of an XML string, just enough for SpreadsheetML:
 * no DTDs, no namespace resolution (prefixes are dropped from tag and attribute names).
 */
export class XmlReader {
  /** Tag name without its namespace prefix. */
  name = ''
  /** `</name>` */
  isEnd = false
  /** `<name/>` */
  isEmpty = false
  private pos = 0
  private attrsFrom = 0
  private attrsTo = 0

  constructor(private readonly xml: string) {}

  /** Moves to the next tag, skipping text, comments, CDATA and processing instructions. */
  next(): boolean {
    const xml = this.xml
    for (;;) {
      const lt = xml.indexOf('<', this.pos)
      if (lt < 0) return false
      const first = xml.charCodeAt(lt + 1)
      if (first === BANG || first === QUESTION) {
        this.pos = skipMarkup(xml, lt)
        continue
      }
      this.isEnd = first === SLASH
      let p = this.isEnd ? lt + 2 : lt + 1
      const nameFrom = p
      while (p < xml.length && !isNameEnd(xml.charCodeAt(p))) p++
      this.name = localName(xml.slice(nameFrom, p))
      this.attrsFrom = p
      p = tagEnd(xml, p)
      this.isEmpty = xml.charCodeAt(p - 1) === SLASH
      this.attrsTo = this.isEmpty ? p - 1 : p
      this.pos = p + 1
      return true
    }
  }

  /** The value of an attribute of the current tag, matched with or without its prefix. */
  attr(name: string): string | undefined {
    const xml = this.xml
    const end = this.attrsTo
    let p = this.attrsFrom
    while (p < end) {
      while (p < end && isSpace(xml.charCodeAt(p))) p++
      const nameFrom = p
      while (p < end && xml.charCodeAt(p) !== EQUALS && !isSpace(xml.charCodeAt(p))) p++
      const attrName = xml.slice(nameFrom, p)
      while (p < end && xml.charCodeAt(p) !== DOUBLE_QUOTE && xml.charCodeAt(p) !== SINGLE_QUOTE) p++
      const valueTo = xml.indexOf(xml.charAt(p), p + 1)
      if (p >= end || valueTo < 0 || valueTo > end) return undefined
      if (attrName === name || (!attrName.startsWith('xmlns') && localName(attrName) === name)) {
        return decodeXmlText(xml.slice(p + 1, valueTo))
      }
      p = valueTo + 1
    }
    return undefined
  }

  /** Text content from the current position up to the next tag, CDATA included. */
  readText(): string {
    const xml = this.xml
    let text = ''
    for (;;) {
      const lt = xml.indexOf('<', this.pos)
      const to = lt < 0 ? xml.length : lt
      text += decodeXmlText(xml.slice(this.pos, to))
      this.pos = to
      if (xml.startsWith('<![CDATA[', to)) {
        const close = xml.indexOf(']]>', to)
        text += xml.slice(to + 9, close < 0 ? xml.length : close)
        this.pos = close < 0 ? xml.length : close + 3
      } else if (xml.startsWith('<!--', to)) {
        this.pos = skipMarkup(xml, to)
      } else {
        return text
      }
    }
  }
}

/** Position of the '>' closing a tag; '>' may appear unescaped inside attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0
  let p = from
  for (; p < xml.length; p++) {
    const c = xml.charCodeAt(p)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      quote = c
    } else if (c === GT) {
      break
    }
  }
  return p
}

/** Skips `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE >` or `<? ?>` starting at `lt`. */
function skipMarkup(xml: string, lt: number): number {
  const close = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>'
  const at = xml.indexOf(close, lt + 2)
  return at < 0 ? xml.length : at + close.length
}

function isNameEnd(c: number): boolean {
  return c === GT || c === SLASH || c === LT || isSpace(c)
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes the five predefined entities and character references, and normalises line ends as XML requires. */
export function decodeXmlText(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  if (!out.includes('&')) return out
  out = out.replace(ENTITY, (entity, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED_ENTITIES[named] ?? entity
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec)
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
  return out
}

/** SpreadsheetML writes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for CR). */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
