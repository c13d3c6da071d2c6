/** Where a file's bytes end up after the reader stage: cells as text, before any header mapping. */
export type FileFormat = 'csv' | 'xlsx' | 'parquet'

export interface RowIssue {
  /** Spreadsheet row number (the first line of a CSV is row 1). */
  row: number
  reason: string
}

export interface Sheet {
  name: string
  /** Non-blank rows, cells as text ('' for empty). Title rows and the header row are included. */
  rows: string[][]
  /** Spreadsheet row number of each entry of `rows`. */
  rowNumbers: number[]
  /** Rows the reader itself could not take (e.g. a CSV record broken by an unterminated quote). */
  rejected: RowIssue[]
}

export interface Grid {
  format: FileFormat
  /** 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be', or 'binary' for xlsx/parquet. */
  encoding: string
  sheets: Sheet[]
  /** XLSX only: the workbook uses the 1904 date system. Date cells are already converted to text. */
  date1904?: boolean
}

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number
  /** XLSX: largest total uncompressed size of the parts read. */
  maxXlsxUncompressedBytes: number
  /** XLSX: most cells in one workbook. */
  maxXlsxCells: number
  /** CSV and Parquet: most rows (records, the header included) in one file. */
  maxRows: number
  /** CSV and Parquet: most cells in one file. */
  maxCells: number
  /**
   * CSV: most UTF-8 bytes the engine import hands DuckDB as bytes (a transcoded file), which are in
   * its 32-bit heap with the cells read from them; past it the JS import reads the file. A UTF-8
   * file DuckDB reads itself (the browser) has no cap but maxFileBytes.
   */
  maxEngineBytes: number
}

// Set from what one Chromium tab survives (scripts/measure-caps.ts, docs/performance.md).
// 3 M tickets of 12 columns (a 523 MB CSV) loaded at a 9 GB peak; past ~536 M characters V8
// cannot hold the decoded text at all.
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxXlsxUncompressedBytes: 512 * 1024 * 1024,
  maxXlsxCells: 30_000_000,
  maxRows: 3_000_000,
  maxCells: 36_000_000,
  // Measured in Chromium on the bench data with the bytes in DuckDB's heap: 2 M rows (385 MB)
  // imported, 2.5 M rows (480 MB) ran out of memory in read_csv. Read from the File, 2.9 M rows
  // (506 MB) imported at a 3.7 GB peak (the JS import: 9 GB at 3 M).
  maxEngineBytes: 400 * 1024 * 1024,
}

export function tooManyRows(max: number): ImportError {
  return new ImportError(`文件的行数超过 ${max} 行的上限（maxRows），请按月份拆分后分别导入。 / The file has more than ${max} rows, the limit (maxRows): split it, e.g. by month, and import the parts.`)
}

export function tooManyCells(max: number): ImportError {
  return new ImportError(`文件的单元格超过 ${max} 个的上限（maxCells），请拆分后分别导入。 / The file has more than ${max} cells, the limit (maxCells): split it and import the parts.`)
}

/** A file that cannot be read at all. The message is shown to the user as is. */
export class ImportError extends Error {
  override name = 'ImportError'
}
