/** Helpers of the engine-import differential tests: both import paths side by side, and hostile variants of real exports. */
import type { ImportedFile } from '../../../src/core/dataset'
import type { Engine } from '../../../src/core/engine'
import { parseCsv } from '../../../src/import/csv'
import { decodeText } from '../../../src/import/decode'
import { importIntoEngine } from '../../../src/import/engine-import'
import { importFile } from '../../../src/import/import-file'

export interface Side {
  file: Omit<ImportedFile, 'ipc' | 'table'>
  tickets: unknown[]
  engine: boolean
}

/** The canonical tickets of an import, read back through DuckDB either way so both compare alike (in row order: a staging table's rows need not be). */
async function tickets(engine: Engine, f: ImportedFile): Promise<unknown[]> {
  if (f.table) {
    const rows = await engine.query(`SELECT * FROM ${f.table} ORDER BY row_no`)
    await engine.exec(`DROP TABLE ${f.table}`)
    return rows
  }
  if (!f.ipc) return []
  await engine.insertArrowIPC('diff_js', f.ipc, true)
  const rows = await engine.query(`SELECT * FROM diff_js${f.kind === 'tickets' ? ' ORDER BY row_no' : ''}`)
  await engine.exec('DROP TABLE diff_js')
  return rows
}

function side(f: ImportedFile, rows: unknown[]): Side {
  const { ipc: _ipc, table, ...rest } = f
  return { file: rest, tickets: rows, engine: Boolean(table) }
}

/** The JS import and the engine import of the same bytes. */
export async function bothPaths(engine: Engine, bytes: Uint8Array, name: string): Promise<{ js: Side, en: Side }> {
  const js = await importFile(bytes.slice(), name)
  const en = await importIntoEngine(engine, bytes.slice(), name)
  return { js: side(js, await tickets(engine, js)), en: side(en, await tickets(engine, en)) }
}

/** A small seeded generator (mulberry32), so a failing variant can be made again. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Cell texts an export can hold in any column: every date layout parseDateTime reads, near misses, placeholders, labels. */
const HOSTILE = [
  '', ' ', '-', 'N/A', '无', '(空)', 'null', '2025-02-30 10:00:00', '2025-03-07 24:00:00', '0999-01-01', '2025-03-07',
  '2025-03-07 10:00', '2025/03/07 10:00:05', '2025-03-07T10:00:00Z', '2025-03-07 10:00:00.5', '2025-03-07 10:00:00.123456Z',
  ' 2025-03-07 10:00:00 ', '2025/3/7 9:05', '2025年3月7日 10:00', '2025年3月7号', '3/13/2025 10:00 PM', '13/3/2025', '07.03.2025 08:00',
  '45723.5', '45723', '20250307', 'Mar 7, 2025 10:00', '7 Mar 2025', '07/Mar/25 10:00 AM', '07/三月/25', '2025-03-07 上午 10:00',
  '2025-03-07 下午 3:00', '2025-12-31 23:59:59', '2026-01-01 00:00:00', 'garbage', '1h 30m', '01:20:00', '45分钟', '90', '1,5', '2,75',
  '4.5', '5星', '4分', '3', '7', '85', '-1', '满意', '非常不满意', 'Offered', 'very good', 'weird label', '是', '否', 'yes', 'N', '2', 'x',
  '紧急', 'P1', 'Sev 2', '一级', 'Low', 'phone', '微信', '在线客服', 'email', '上门', 'incident', '非故障', '故障', 'bug report',
  'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nin cell', '\u3000全角空格\u3000', '\ufeffbom', '😀 emoji', 'x'.repeat(70),
]

/** Quotes a cell the way an RFC 4180 writer does (whenever it holds a delimiter, quote or line break). */
function field(cell: string): string {
  return /[",\r\n]/.test(cell) || cell.startsWith(' ') ? `"${cell.replace(/"/g, '""')}"` : cell
}

/**
 * A variant of an export: some cells replaced by hostile texts, some rows with extra cells,
 * the header repeated, empty and blank lines; LF or CRLF; UTF-8, UTF-8 with BOM or UTF-16LE.
 */
export function hostileVariant(bytes: Uint8Array, seed: number, rate = 0.08, maxRows = 400): Uint8Array {
  const next = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T
  const rows = parseCsv(decodeText(bytes).text).rows
  const header = rows[0] ?? []
  const out: string[][] = [header]
  for (const row of rows.slice(1, maxRows + 1)) {
    const r = row.map(cell => (next() < rate ? pick(HOSTILE) : cell))
    if (next() < 0.02) r.push(pick(['', ' ', 'extra', '']))
    out.push(r)
    if (next() < 0.01) out.push([...header])
    if (next() < 0.01) out.push([])
    if (next() < 0.01) out.push(header.map(() => ' '))
  }
  const eol = next() < 0.5 ? '\n' : '\r\n'
  const text = out.map(r => r.map(field).join(',')).join(eol) + (next() < 0.5 ? eol : '')
  const encoding = pick(['utf-8', 'utf-8-bom', 'utf-16le'])
  if (encoding === 'utf-16le') return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
  const utf8 = new TextEncoder().encode(text)
  return encoding === 'utf-8' ? utf8 : new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
}
