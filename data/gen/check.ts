/**
 * Cross-checks the demo files against the manifest and the generator's canonical tickets, reading them
 * back with a deliberately naive decoder (the manifest's mapping, the contract's validity rules).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CanonTicket, FileManifest } from './canon.ts'
import { decodeGbk, parseCsv, readParquet, readXlsx, type Value } from './readback.ts'
import { DAY, HOUR, MINUTE, SECOND } from './time.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const SATISFACTION: Record<string, number | null> = {
  非常满意: 10, 满意: 8, 一般: 6, 不满意: 4, 非常不满意: 2, Good: 10, Bad: 0, Offered: null, 'Not Offered': null, Unoffered: null,
}

/** Wall-clock ms, null for empty, NaN for unparseable. */
export function parseTime(v: Value): number | null {
  if (v === null || v === '') return null
  if (v instanceof Date) return v.getTime()
  if (typeof v === 'number') return Math.round((EXCEL_EPOCH + v * DAY) / SECOND) * SECOND
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v)
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
  m = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{2}) (\d{1,2}):(\d{2}) (AM|PM)$/.exec(v)
  if (m) {
    const h = (Number(m[4]) % 12) + (m[6] === 'PM' ? 12 : 0)
    return Date.UTC(2000 + Number(m[3]), MONTHS.indexOf(m[2] ?? ''), Number(m[1]), h, Number(m[5]))
  }
  return NaN
}

interface Grid {
  header: string[]
  rows: Value[][]
  firstDataRow: number
}

async function load(dir: string, m: FileManifest): Promise<Grid> {
  const bytes = new Uint8Array(readFileSync(join(dir, m.file)))
  if (m.format === 'csv') {
    const text = m.encoding === 'gbk' ? decodeGbk(bytes) : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    if (m.encoding === 'utf-8-bom' !== text.startsWith('\uFEFF')) throw new Error(`${m.file}: BOM does not match ${m.encoding}`)
    if ((m.line_ending === 'CRLF') !== text.includes('\r\n')) throw new Error(`${m.file}: line endings are not ${m.line_ending ?? '?'}`)
    const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''))
    return { header, rows, firstDataRow: 2 }
  }
  if (m.format === 'xlsx') {
    const book = readXlsx(bytes)
    const sheet = book.sheets.find((s) => s.name === m.sheet)
    if (!sheet || book.date1904) throw new Error(`${m.file}: sheet ${m.sheet ?? '?'} missing or 1904 dates`)
    const last = Math.max(...sheet.rows.keys())
    const rows: Value[][] = []
    for (let r = m.first_data_row; r <= last; r++) rows.push(sheet.rows.get(r) ?? [])
    return { header: (sheet.rows.get(m.header_row) ?? []).map(String), rows, firstDataRow: m.first_data_row }
  }
  const { schema, rows } = await readParquet(bytes)
  const header = schema.slice(1).map((s) => s.name)
  return { header, rows: rows.map((r) => header.map((h) => r[h] ?? null)), firstDataRow: 2 }
}

export interface CheckResult {
  file: string
  problems: string[]
}

/** Problems found in one file, [] when it matches its manifest entry and the canonical tickets. */
export async function checkFile(dir: string, m: FileManifest, expected: CanonTicket[]): Promise<CheckResult> {
  const problems: string[] = []
  const g = await load(dir, m)
  const col = (target: keyof FileManifest['mapping']): number => {
    const h = m.mapping[target]
    return h === undefined ? -1 : g.header.indexOf(h)
  }
  for (const [target, h] of Object.entries(m.mapping)) if (!g.header.includes(h)) problems.push(`mapped header ${target} → ${h} missing`)
  const cell = (row: Value[], c: number): Value => (c < 0 ? null : row[c] ?? null)
  const str = (v: Value): string => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v))
  const rejected: { row: number, reason: string }[] = []
  const seen = new Map<string, Value[]>()
  const duplicates: string[] = []
  g.rows.forEach((row, i) => {
    const id = str(cell(row, col('ticket_id'))).trim()
    const created = parseTime(cell(row, col('created_at')))
    const fr = frOf(row, created)
    const resolved = parseTime(cell(row, col('resolved_at')))
    const rowNo = g.firstDataRow + i
    if (id === '') rejected.push({ row: rowNo, reason: 'missing ticket_id' })
    else if (created === null || Number.isNaN(created)) rejected.push({ row: rowNo, reason: 'unparseable created_at' })
    else if (fr !== null && fr < created) rejected.push({ row: rowNo, reason: 'first_response_at before created_at' })
    else if (resolved !== null && resolved < created) rejected.push({ row: rowNo, reason: 'resolved_at before created_at' })
    else {
      if (seen.has(id)) duplicates.push(id)
      seen.set(id, row)
    }
  })
  function frOf(row: Value[], created: number | null): number | null {
    if (col('first_response_at') >= 0) return parseTime(cell(row, col('first_response_at')))
    if (created === null) return null
    const min = str(cell(row, col('first_response_min')))
    if (min !== '') return created + Number(min) * MINUTE
    const hours = str(cell(row, col('first_response_hours')))
    return hours === '' ? null : created + Math.round(Number(hours) * HOUR)
  }
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
  if (g.rows.length !== m.data_rows) problems.push(`data rows ${g.rows.length} ≠ manifest ${m.data_rows}`)
  if (!same(rejected, m.rejected.map(({ row, reason }) => ({ row, reason })))) problems.push(`rejected ${JSON.stringify(rejected)} ≠ manifest`)
  if (!same(duplicates, m.duplicate_ids)) problems.push(`duplicates ${JSON.stringify(duplicates)} ≠ manifest`)
  if (seen.size !== m.tickets || seen.size !== expected.length) problems.push(`tickets ${seen.size} ≠ manifest ${m.tickets} / canonical ${expected.length}`)

  for (const t of expected) {
    const row = seen.get(t.ticket_id)
    if (!row) { problems.push(`${t.ticket_id} missing`); continue }
    const created = parseTime(cell(row, col('created_at')))
    const satRaw = cell(row, col('satisfaction'))
    const reopenRaw = cell(row, col('reopen_count'))
    const got = {
      created_at: created, first_response_at: frOf(row, created), resolved_at: parseTime(cell(row, col('resolved_at'))),
      recovered_at: parseTime(cell(row, col('recovered_at'))),
      reopen_count: col('reopen_count') < 0 ? null : reopenRaw === '是' ? 1 : reopenRaw === '否' ? 0 : Number(reopenRaw ?? 0),
      satisfaction: col('satisfaction') < 0 || satRaw === null || satRaw === '' ? null
        : typeof satRaw === 'string' && satRaw in SATISFACTION ? SATISFACTION[satRaw] ?? null : Number(satRaw) * 2,
      category: str(cell(row, col('category'))) || null, customer: str(cell(row, col('customer'))) || null,
    }
    const want = {
      created_at: t.created_at, first_response_at: t.first_response_at, resolved_at: t.resolved_at, recovered_at: t.recovered_at,
      reopen_count: t.reopen_count, satisfaction: t.satisfaction, category: t.category, customer: t.customer,
    }
    if (!same(got, want)) problems.push(`${t.ticket_id}: read ${JSON.stringify(got)} ≠ canonical ${JSON.stringify(want)}`)
    if (problems.length > 20) break
  }
  return { file: m.file, problems }
}
