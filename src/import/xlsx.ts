import type { ReadLimits, Sheet } from './types'
import { ImportError } from './types'
import type { NumberKind } from './excel-dates'
import { durationText, excelSerialToText, readCellStyles } from './excel-dates'
import { unescapeOoxml, XmlReader } from './xml-reader'
import { dirOf, NOT_XLSX_MESSAGE, relsPathOf, resolveTarget, ZipArchive } from './zip'

export { NOT_XLSX_MESSAGE }

/** What an .xlsx workbook holds for the reader stage: every worksheet as text cells. */
export interface XlsxWorkbook {
  sheets: Sheet[]
  date1904: boolean
}

const MAX_COLUMNS = 16384
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
