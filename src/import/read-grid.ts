import { parseCsv } from './csv'
import { decodeText } from './decode'
import { readParquet } from './parquet'
import type { Grid, ReadLimits, Sheet } from './types'
import { DEFAULT_READ_LIMITS, ImportError } from './types'
import { NOT_XLSX_MESSAGE, readXlsx } from './xlsx'

/** File signatures we refuse outright, with what to tell the user. */
const REFUSED_SIGNATURES: ReadonlyArray<{ magic: readonly number[]; message: string }> = [
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    message:
      '这是旧版 Excel 97-2003（.xls）或加密的工作簿，请在 Excel 中另存为不加密的 .xlsx 后重试。 / ' +
      'This is an old Excel 97-2003 (.xls) or password-protected workbook. Open it in Excel, save it as .xlsx without a password and try again.',
  },
  { magic: [0x1f, 0x8b], message: archiveMessage('gzip (.gz)') },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], message: archiveMessage('7-Zip (.7z)') },
  { magic: [0x52, 0x61, 0x72, 0x21], message: archiveMessage('RAR') },
  { magic: [0x25, 0x50, 0x44, 0x46], message: '不支持 PDF 文件。 / PDF files are not supported: export the tickets as CSV, XLSX or Parquet.' },
]

const MARKUP_MESSAGE =
  '这是网页（HTML）或 XML 格式的表格，不是真正的 Excel/CSV 文件，请在 Excel 中打开并另存为 .xlsx 或 CSV UTF-8。 / ' +
  'This is a web page (HTML) or XML spreadsheet, not a real Excel or CSV file. Open it in Excel and save it as .xlsx or UTF-8 CSV.'

/**
 * Reads a ticket export into a Grid: XLSX and Parquet by their signatures,
 * anything else as CSV text. Throws ImportError, with a message for the user,
 * when the file cannot be read.
 */
export async function readGrid(bytes: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Grid> {
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(limits.maxFileBytes)
  if (bytes.length === 0) throw new ImportError('文件是空的。 / The file is empty.')
  const refused = REFUSED_SIGNATURES.find(({ magic }) => startsWith(bytes, magic))
  if (refused) throw new ImportError(refused.message)

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const workbook = readXlsx(bytes, limits)
    return { format: 'xlsx', encoding: 'binary', sheets: workbook.sheets, date1904: workbook.date1904 }
  }
  if (isParquet(bytes)) {
    return { format: 'parquet', encoding: 'binary', sheets: [await readParquet(bytes, limits)] }
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw new ImportError(NOT_XLSX_MESSAGE)
  if (/\.parquet$/i.test(fileName)) throw new ImportError('不是有效的 Parquet 文件 / not a valid Parquet file.')

  const { encoding, text } = decodeText(bytes)
  if (looksLikeMarkup(text)) throw new ImportError(MARKUP_MESSAGE)
  return { format: 'csv', encoding, sheets: [parseCsv(text, undefined, limits)] }
}

/** Bytes readGrid would read as CSV text (none of the refusals, signatures or names it checks first). */
export function isPlainText(bytes: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_READ_LIMITS): boolean {
  if (bytes.length > limits.maxFileBytes || bytes.length === 0) return false
  if (REFUSED_SIGNATURES.some(({ magic }) => startsWith(bytes, magic))) return false
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || isParquet(bytes)) return false
  return !/\.(xlsx|xlsm|parquet)$/i.test(fileName)
}

/**
 * Rows below the header as objects keyed by header text (for tests and
 * debugging). Keys are own properties even for names like `__proto__`;
 * a repeated header gets a suffix (`name_1`).
 */
export function sheetToRecords(sheet: Sheet, headerIndex = 0): Record<string, string>[] {
  const keys = uniqueKeys(sheet.rows[headerIndex] ?? [])
  return sheet.rows.slice(headerIndex + 1).map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i] ?? ''])))
}

function uniqueKeys(header: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return header.map((name) => {
    const count = seen.get(name) ?? 0
    seen.set(name, count + 1)
    return count === 0 ? name : `${name}_${count}`
  })
}

function isParquet(bytes: Uint8Array): boolean {
  const par1 = [0x50, 0x41, 0x52, 0x31]
  return bytes.length >= 12 && startsWith(bytes, par1) && startsWith(bytes.subarray(bytes.length - 4), par1)
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte)
}

/** ERP "Excel" exports are often HTML tables or SpreadsheetML 2003 saved with an .xls name. */
export function looksLikeMarkup(text: string): boolean {
  return /^\s*<(?:html|table|!doctype html|\?xml|workbook|meta)\b/i.test(text.slice(0, 1024))
}

function archiveMessage(kind: string): string {
  return `这是 ${kind} 压缩文件，请先解压再导入其中的文件。 / This is a ${kind} compressed archive: extract it first and import the file inside.`
}

export function fileTooLarge(maxBytes: number): ImportError {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return new ImportError(`文件超过 ${mb} MB 的上限（maxFileBytes）。 / The file is larger than the ${mb} MB limit (maxFileBytes).`)
}
