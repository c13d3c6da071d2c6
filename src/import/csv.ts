import type { ReadLimits, Sheet } from './types'
import { tooManyCells, tooManyRows } from './types'

/** Field separators recognised in CSV files, in order of preference on a tie. */
export const CSV_DELIMITERS = [',', '\t', ';', '|'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const DELIMITER_CODES: readonly number[] = CSV_DELIMITERS.map((d) => d.charCodeAt(0))

const NO_CAPS = { maxRows: Infinity, maxCells: Infinity }

/** How much of the file the delimiter sniffer looks at. */
const SNIFF_LINES = 20
const SNIFF_CHARS = 256 * 1024

/**
 * Parses CSV text (RFC 4180, leniently) into one sheet named 'CSV'.
 * Row numbers count records as a spreadsheet shows them: a record spanning
 * several lines is one row, and skipped blank records still take a number.
 * A record whose quoted field never closes is rejected, and reading resumes on
 * the line after that field's opening quote so the rest of the file is kept.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = sniffDelimiter(text), caps: Pick<ReadLimits, 'maxRows' | 'maxCells'> = NO_CAPS): Sheet {
  const sheet: Sheet = { name: 'CSV', rows: [], rowNumbers: [], rejected: [] }
  const scanner = new RecordScanner(text, delimiter.charCodeAt(0))
  let row = 0
  let cellCount = 0
  while (scanner.pos < text.length) {
    if (++row > caps.maxRows) throw tooManyRows(caps.maxRows)
    const cells = scanner.readRecord()
    if ((cellCount += cells?.length ?? 0) > caps.maxCells) throw tooManyCells(caps.maxCells)
    if (cells === null) {
      sheet.rejected.push({ row, reason: `unterminated quoted field starting at row ${row}` })
      scanner.skipPastBrokenQuote()
    } else if (!isBlankRow(cells)) {
      sheet.rows.push(cells)
      sheet.rowNumbers.push(row)
    }
  }
  return sheet
}

/** True when no cell holds anything but whitespace. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '' || cell.trim() === '')
}

/** A single pass over the text, one record at a time. */
class RecordScanner {
  pos = 0
  /** Where the opening quote of the last unterminated field is. */
  private brokenQuoteAt = -1
  private readonly n: number

  constructor(
    private readonly text: string,
    private readonly delimiter: number,
  ) {
    this.n = text.length
  }

  /** Reads the record at `pos`; null when one of its quoted fields is never closed. */
  readRecord(): string[] | null {
    const cells: string[] = []
    for (;;) {
      const cell = this.text.charCodeAt(this.pos) === QUOTE ? this.readQuoted() : this.readUnquoted()
      if (cell === null) return null
      cells.push(cell)
      if (!this.consumeFieldEnd()) return cells
    }
  }

  /** Moves to the line after the unterminated field's opening quote. */
  skipPastBrokenQuote(): void {
    let p = this.brokenQuoteAt + 1
    while (p < this.n && !isLineBreak(this.text.charCodeAt(p))) p++
    this.pos = p
    this.consumeFieldEnd()
  }

  private readUnquoted(): string {
    const { text, n, delimiter } = this
    const start = this.pos
    let p = start
    while (p < n) {
      const c = text.charCodeAt(p)
      if (c === delimiter || isLineBreak(c)) break
      p++
    }
    this.pos = p
    return text.slice(start, p)
  }

  /** Reads a field starting with a quote; text after its closing quote is kept literally, as Excel does. */
  private readQuoted(): string | null {
    const text = this.text
    const open = this.pos
    let value = ''
    let from = open + 1
    for (;;) {
      const q = text.indexOf('"', from)
      if (q < 0) {
        this.brokenQuoteAt = open
        return null
      }
      if (text.charCodeAt(q + 1) === QUOTE) {
        value += text.slice(from, q + 1)
        from = q + 2
        continue
      }
      value += text.slice(from, q)
      this.pos = q + 1
      return value + this.readUnquoted()
    }
  }

  /** Consumes what ends a field: a delimiter (true), or the record's line break or the end of the text (false). */
  private consumeFieldEnd(): boolean {
    const c = this.text.charCodeAt(this.pos)
    if (c === this.delimiter) {
      this.pos++
      return true
    }
    if (c === CR) this.pos += this.text.charCodeAt(this.pos + 1) === LF ? 2 : 1
    else if (c === LF) this.pos++
    return false
  }
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR
}

/** Picks the delimiter whose count is the same on the most of the first lines, ignoring quoted text. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const lines = countDelimitersPerLine(text)
  let best: CsvDelimiter = ','
  let bestLines = 0
  let bestCount = 0
  CSV_DELIMITERS.forEach((delimiter, k) => {
    const { lines: agreeing, count } = modalCount(lines.map((counts) => counts[k] ?? 0))
    if (agreeing > bestLines || (agreeing === bestLines && count > bestCount)) {
      best = delimiter
      bestLines = agreeing
      bestCount = count
    }
  })
  return best
}

/** The most frequent non-zero count and how many lines have it (the larger count on a tie). */
function modalCount(counts: readonly number[]): { lines: number; count: number } {
  const frequency = new Map<number, number>()
  for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1)
  let lines = 0
  let count = 0
  for (const [c, f] of frequency) {
    if (f > lines || (f === lines && c > count)) {
      lines = f
      count = c
    }
  }
  return { lines, count }
}

/**
 * Counts each candidate delimiter on the first non-blank lines. A quote opens
 * quoted text only at a line start or right after a candidate delimiter,
 * since the real delimiter is not known yet.
 */
function countDelimitersPerLine(text: string): number[][] {
  const perLine: number[][] = []
  const end = Math.min(text.length, SNIFF_CHARS)
  let counts = [0, 0, 0, 0]
  let hasContent = false
  let atFieldStart = true
  let inQuotes = false
  for (let i = 0; i < end && perLine.length < SNIFF_LINES; i++) {
    const c = text.charCodeAt(i)
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++
        else inQuotes = false
      }
    } else if (isLineBreak(c)) {
      if (hasContent) perLine.push(counts)
      counts = [0, 0, 0, 0]
      hasContent = false
      atFieldStart = true
    } else {
      const k = DELIMITER_CODES.indexOf(c)
      if (k >= 0) counts[k] = (counts[k] ?? 0) + 1
      inQuotes = c === QUOTE && atFieldStart
      atFieldStart = k >= 0
      hasContent = true
    }
  }
  // A line cut off by the sample size would skew the counts.
  if (hasContent && end === text.length && perLine.length < SNIFF_LINES) perLine.push(counts)
  return perLine
}
