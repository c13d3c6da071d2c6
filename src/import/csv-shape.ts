/**
 * A byte scan of UTF-8 CSV that tells whether DuckDB's read_csv reads it record for record as
 * our own parser (csv.ts) does, and what row numbers its records have (both number records, not
 * lines: a quoted field may span lines). Null when it may not: a quote inside an unquoted field
 * or text after a closing quote (our parser keeps those literally, as Excel does), an
 * unterminated quote (our parser rejects that record and reads on), or a CR alone as a line end.
 */
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

export interface CsvShape {
  /** Records as our parser counts them (blank lines included): the spreadsheet's rows. */
  records: number
  /** Cells over all records (an empty line is one cell), for the maxCells cap. */
  cells: number
  /** The most cells a record has. */
  maxFields: number
  /** 1-based record numbers of the empty lines, which read_csv skips (a line of spaces it keeps). */
  emptyLines: number[]
  /**
   * Record numbers (1-based) of the records that may be blank: no byte in them but spaces,
   * delimiters, enclosing quotes or characters that may be Unicode whitespace (see isValueByte).
   * Every other record surely holds a value, so SQL checks only these for csv.ts's blank rows.
   */
  maybeBlank: number[]
  /** Where the last record ending within the first `headLimit` bytes ends (0: none does). */
  headEnd: number
}

export function scanCsvShape(bytes: Uint8Array, delimiter: number, headLimit = Infinity): CsvShape | null {
  const n = bytes.length
  const emptyLines: number[] = []
  let records = 0
  let cells = 0
  let maxFields = 0
  let headEnd = 0
  const maybeBlank: number[] = []
  let i = 0
  while (i < n) {
    records++
    let fields = 1
    let content = false
    for (;;) {
      // One field: quoted (must close right before a delimiter or line end) or unquoted (no quote in it).
      if (bytes[i] === QUOTE) {
        let j = i + 1
        for (;;) {
          if (j >= n) return null
          const c = bytes[j]
          if (c === QUOTE) {
            if (bytes[j + 1] !== QUOTE) break
            content = true
            j += 2
          }
          else {
            if (!content && isValueByte(c as number)) content = true
            j++
          }
        }
        i = j + 1
      }
      else {
        while (i < n) {
          const c = bytes[i]
          if (c === delimiter || c === LF || c === CR) break
          if (c === QUOTE) return null
          if (!content && isValueByte(c as number)) content = true
          i++
        }
      }
      if (i >= n) break
      const c = bytes[i]
      if (c === delimiter) {
        i++
        fields++
        continue
      }
      if (c === CR) {
        if (bytes[i + 1] !== LF) return null
        i++
      }
      if (c !== LF && c !== CR) return null
      if (fields === 1 && isEmptyLineEnd(bytes, i)) emptyLines.push(records)
      i++
      break
    }
    cells += fields
    if (fields > maxFields) maxFields = fields
    if (i <= headLimit) headEnd = i
    if (!content) maybeBlank.push(records)
  }
  return { records, cells, maxFields, emptyLines, maybeBlank, headEnd }
}

/**
 * A byte that starts a character JavaScript's trim keeps: ASCII but spaces and controls, or the
 * lead byte of U+00C0-U+07FF or U+4000-U+EFFF (CJK among them), where no whitespace lies.
 */
function isValueByte(c: number): boolean {
  return (c > 0x20 && c < 0x80) || (c >= 0xc3 && c <= 0xdf) || (c >= 0xe4 && c <= 0xee)
}

/** The line that ends at `lf` (its LF) has no byte before its terminator. */
function isEmptyLineEnd(bytes: Uint8Array, lf: number): boolean {
  const before = bytes[lf - 1] === CR ? lf - 2 : lf - 1
  return before < 0 || bytes[before] === LF
}
