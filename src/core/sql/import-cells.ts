/**
 * The SQL side of the engine import's reading: read_csv over a registered file into a table of
 * text cells c0..cN (one row per record, rowid = record order), and the cell rules of
 * ticket-mapper.ts's cellAt as SQL (JavaScript's trim, NULL placeholders of normalize.ts).
 */
import { NULL_PLACEHOLDERS } from '../normalize'
import { num } from './literal'

/** Every character JavaScript's String.prototype.trim removes. */
export const JS_WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'

/** A text as a SQL string literal. */
export function str(text: string): string {
  return `'${text.replace(/'/g, '\'\'')}'`
}

/** Column name of the cell at `index` in a cells table. */
export function cellCol(index: number): string {
  return `c${num(index)}`
}

/** ASCII printable or a CJK ideograph: surely not whitespace (as ticket-mapper.ts's isPrintable). */
function printable(codepoint: string): string {
  return `(${codepoint} BETWEEN 33 AND 126 OR ${codepoint} BETWEEN 19968 AND 40959)`
}

/** True when the cell needs no trim: its first and last characters are not whitespace (most cells; trim with a set of characters is slow). */
function trimmed(c: string): string {
  return `(${printable(`ascii(${c})`)} AND ${printable(`ascii(right(${c}, 1))`)})`
}

/** `cell.trim()` of JavaScript ('' for an absent cell). */
export function jsTrim(c: string): string {
  return `(CASE WHEN ${c} IS NULL THEN '' WHEN ${trimmed(c)} THEN ${c} ELSE trim(${c}, ${str(JS_WHITESPACE)}) END)`
}

/**
 * cellAt: the trimmed cell, '' when absent, empty or a NULL placeholder. The trim is written
 * once: DuckDB hoists a repeated subexpression and then runs it on every row, branch or not.
 */
export function cleanCell(c: string): string {
  const t = jsTrim(c)
  return `(CASE WHEN ${t} IN (${[...NULL_PLACEHOLDERS].map(str).join(', ')}) THEN '' ELSE ${t} END)`
}

export interface ReadCsvPlan {
  file: string
  table: string
  delimiter: string
  /** Cells of the widest record: read_csv pads shorter records with NULL. */
  width: number
}

/**
 * All cells as text, no header, no type sniffing: the plan was made in TypeScript from a sample.
 * parallel=false: DuckDB refuses null_padding with quoted newlines in its parallel scanner.
 */
export function readCsvSql(p: ReadCsvPlan): string {
  const columns = Array.from({ length: p.width }, (_, i) => `${str(cellCol(i))}: 'VARCHAR'`).join(', ')
  return `CREATE TABLE ${p.table} AS SELECT * FROM read_csv(${str(p.file)}, delim=${str(p.delimiter)}, quote='"', escape='"', `
    + `header=false, auto_detect=false, all_varchar=true, null_padding=true, parallel=false, strict_mode=false, max_line_size=67108864, `
    + `columns={${columns}})`
}

/**
 * The spreadsheet row number of a record: read_csv skips empty lines, our parser numbers them.
 * `skipped` holds, for each empty line in order, how many records came before it.
 */
export function rowNumberSql(skipped: readonly number[]): string {
  return ['rowid + 1', ...skipped.map(k => `(rowid >= ${num(k)})::INTEGER`)].join(' + ')
}

/**
 * True for a record of blanks only (csv.ts isBlankRow): it is skipped, not rejected. Only the
 * records the byte scan could not rule out are checked (`maybeBlank`; null: check every record).
 */
export function blankRowSql(width: number, maybeBlank: readonly number[] | null, rowNo: string): string {
  const blank = Array.from({ length: width }, (_, i) => `${jsTrim(cellCol(i))} = ''`).join(' AND ') || 'true'
  if (maybeBlank === null) return blank
  // CASE, not AND: DuckDB may reorder an AND and run the costly side on every record.
  return maybeBlank.length ? `(CASE WHEN ${rowNo} IN (${maybeBlank.map(num).join(', ')}) THEN ${blank} ELSE false END)` : 'false'
}
