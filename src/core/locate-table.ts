/** Finds the ticket (or training-records) table in a read file: which sheet, which header row. */
import { recognizeHeaders, recognizeTrainingHeaders } from './headers'
import type { Grid, RowIssue, Sheet } from '../import/types'
import type { Mapping } from './schema'

/** How many leading rows of each sheet may hold title rows before the header. */
export const HEADER_SCAN_ROWS = 30

export interface LocatedTable {
  kind: 'tickets' | 'training'
  /** '' when the file has no sheet at all. */
  sheet: string
  /** Index of the header row in the sheet's rows; -1 when the sheet has no rows. */
  headerIndex: number
  /** Spreadsheet row number of the header row (0 when there is none). */
  headerRow: number
  headers: string[]
  /** The rows below the header and their spreadsheet row numbers. */
  rows: string[][]
  rowNumbers: number[]
  /** Rows below the header that the reader itself could not take. */
  readerRejected: RowIssue[]
  date1904: boolean
}

interface Candidate {
  sheet: Sheet
  index: number
  score: number
}

/**
 * Picks the header row across all sheets: the row that recognises the most targets,
 * where a row naming both ticket_id and created_at always beats one that does not.
 * Ties go to the earlier sheet, then the earlier row. Without any ticket header row,
 * a training-records header (person + date) is taken. Failing both, the table is
 * returned with a guessed header, so that mapping can show what it saw (see fallbackHeader).
 */
export function locateTable(grid: Grid, mapping?: Mapping): LocatedTable {
  let tickets: Candidate | undefined
  let training: Candidate | undefined
  for (const sheet of grid.sheets) {
    const scan = Math.min(sheet.rows.length, HEADER_SCAN_ROWS)
    for (let index = 0; index < scan; index++) {
      const row = sheet.rows[index] ?? []
      const ticketScore = ticketHeaderScore(row, mapping)
      if (ticketScore > 0 && (tickets === undefined || ticketScore > tickets.score)) tickets = { sheet, index, score: ticketScore }
      const trainingScore = trainingHeaderScore(row)
      if (trainingScore > 0 && (training === undefined || trainingScore > training.score)) training = { sheet, index, score: trainingScore }
    }
  }
  const date1904 = grid.date1904 === true
  if (tickets !== undefined && tickets.score >= FULL_HEADER) return located('tickets', tickets, date1904)
  if (training !== undefined) return located('training', training, date1904)
  const fallback = fallbackHeader(grid, tickets)
  return fallback === undefined ? emptyTable(grid.sheets[0]?.name ?? '', date1904) : located('tickets', fallback, date1904)
}

const FULL_HEADER = 1000
/** A partial header must name this many targets to be trusted over the widest-row guess. */
const PARTIAL_HEADER = 2

/**
 * Without a complete header: a row naming several targets, else the first of the widest
 * rows of the first non-empty sheet (title rows are narrow; a single match such as a
 * "Closed" status cell can sit in a data row).
 */
function fallbackHeader(grid: Grid, partial: Candidate | undefined): Candidate | undefined {
  if (partial !== undefined && partial.score >= PARTIAL_HEADER) return partial
  const sheet = grid.sheets.find((s) => s.rows.length > 0)
  if (sheet === undefined) return undefined
  let best: Candidate = { sheet, index: 0, score: 0 }
  sheet.rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    const width = row.filter((cell) => cell.trim() !== '').length
    if (width > best.score) best = { sheet, index, score: width }
  })
  return best
}

function ticketHeaderScore(row: readonly string[], mapping: Mapping | undefined): number {
  const { mapping: found, score } = recognizeHeaders(row, mapping)
  return found.ticket_id !== undefined && found.created_at !== undefined ? FULL_HEADER + score : score
}

function trainingHeaderScore(row: readonly string[]): number {
  const columns = recognizeTrainingHeaders(row)
  if (columns.person < 0 || columns.date < 0) return 0
  return columns.vendor >= 0 ? 3 : 2
}

function located(kind: LocatedTable['kind'], at: Candidate, date1904: boolean): LocatedTable {
  const { sheet, index } = at
  const headerRow = sheet.rowNumbers[index] ?? index + 1
  return {
    kind,
    sheet: sheet.name,
    headerIndex: index,
    headerRow,
    headers: sheet.rows[index] ?? [],
    rows: sheet.rows.slice(index + 1),
    rowNumbers: sheet.rowNumbers.slice(index + 1),
    readerRejected: sheet.rejected.filter((issue) => issue.row > headerRow),
    date1904,
  }
}

function emptyTable(sheet: string, date1904: boolean): LocatedTable {
  return { kind: 'tickets', sheet, headerIndex: -1, headerRow: 0, headers: [], rows: [], rowNumbers: [], readerRejected: [], date1904 }
}
