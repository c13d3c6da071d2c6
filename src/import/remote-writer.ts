import type { BasicType, ColumnSource } from 'hyparquet-writer'
import type { Engine } from '../core/engine'
import type { ImportReport } from '../core/report-types'
import type { KnownFlag } from '../core/schema'
import type { CanonicalFile, CanonicalMeta } from './remote-layout'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { KNOWN_FLAGS } from '../core/schema'
import { STAGED_COLUMNS } from '../core/sql/tickets-table'
import { CANONICAL_KEY, CANONICAL_VERSION, ROW_GROUP_ROWS } from './remote-layout'

const PARQUET_TYPE: Record<string, BasicType> = { INTEGER: 'INT32', VARCHAR: 'STRING', DOUBLE: 'DOUBLE', BOOLEAN: 'BOOLEAN' }
const COLS = STAGED_COLUMNS.map(([c]) => c).join(', ')

/**
 * The survivors of de-duplication, as the build keeps them (the row of the file loaded
 * last, then the later row), grouped by file, sorted by vendor then created time. The
 * engine sorts and de-duplicates; TypeScript only cuts the row groups from the counts.
 */
const SURVIVORS_SQL = `CREATE OR REPLACE TEMP TABLE _canonical AS
SELECT file_idx, ${COLS} FROM staged_tickets
QUALIFY row_number() OVER (PARTITION BY vendor, ticket_id ORDER BY file_idx DESC, row_no DESC) = 1
ORDER BY file_idx, vendor, created_ms, row_no`
const RUNS_SQL = 'SELECT file_idx, vendor, count(*)::INTEGER AS n FROM _canonical GROUP BY ALL ORDER BY file_idx, vendor'
const FILES_SQL = `SELECT file_idx, ${KNOWN_FLAGS.map(k => `k_${k}`).join(', ')} FROM import_files ORDER BY file_idx`

/** Row-group sizes: each (file, vendor) run cut into groups of at most ROW_GROUP_ROWS. */
function groupSizes(runs: { n: number }[]): number[] {
  return runs.flatMap(({ n }) => {
    const parts = Math.ceil(n / ROW_GROUP_ROWS)
    return Array.from({ length: parts }, (_, i) => Math.min(ROW_GROUP_ROWS, n - i * ROW_GROUP_ROWS))
  })
}

/**
 * The data set loaded on `engine` (a Dataset after add/replace) as a canonical tickets
 * Parquet file (remote-layout.ts), with `report` (dataset.importReport()) in its metadata.
 * Loading its row groups again gives the same tickets table: same rows, same known flags.
 */
export async function writeCanonicalParquet(engine: Engine, report: ImportReport): Promise<Uint8Array> {
  await engine.exec(SURVIVORS_SQL)
  try {
    const runs = await engine.query<{ file_idx: number, vendor: string | null, n: number }>(RUNS_SQL)
    const staged = await engine.query<Record<string, number | boolean>>(FILES_SQL)
    const sizes = groupSizes(runs)
    const columns = STAGED_COLUMNS.map(([name]) => [name, [] as unknown[]] as const)
    // Read back in slices: one result set of a million row objects would hold them all at once.
    const total = sizes.reduce((a, b) => a + b, 0)
    for (let offset = 0; offset < total; offset += 65_536) {
      const rows = await engine.query(`SELECT ${COLS} FROM _canonical ORDER BY file_idx, vendor, created_ms, row_no LIMIT 65536 OFFSET ${offset}`)
      for (const [name, values] of columns) for (const r of rows) values.push(r[name] ?? null)
    }
    const columnData: ColumnSource[] = STAGED_COLUMNS.map(([name, ty], i) => ({
      name, data: columns[i]![1], type: PARQUET_TYPE[ty] ?? 'STRING', nullable: true,
    }))
    const meta: CanonicalMeta = { version: CANONICAL_VERSION, columns: STAGED_COLUMNS.map(([c]) => c), sortedBy: ['vendor', 'created_ms'], files: canonicalFiles(report, runs, staged) }
    const buffer = parquetWriteBuffer({
      columnData, rowGroupSize: sizes.length ? sizes : [ROW_GROUP_ROWS], statisticsTruncateLength: Infinity,
      kvMetadata: [{ key: CANONICAL_KEY, value: JSON.stringify(meta) }], createdBy: 'servicewall',
    })
    return new Uint8Array(buffer)
  }
  finally {
    await engine.exec('DROP TABLE IF EXISTS _canonical')
  }
}

/**
 * The report's files with their row groups. The staged ticket files appear in the report
 * in the order of their file_idx; training records are not carried (their file says so).
 */
function canonicalFiles(report: ImportReport, runs: { file_idx: number, n: number }[], staged: Record<string, number | boolean>[]): CanonicalFile[] {
  let next = 0
  let stagedAt = 0
  const rejectedOf = (file: string) => report.rejected.filter(r => r.file === file)
  return report.files.map((f): CanonicalFile => {
    const base = { report: { ...f }, rejected: rejectedOf(f.file) }
    if (f.kind === 'training' && !f.error) {
      return { ...base, known: null, rowGroups: null, report: { ...f, loaded: 0, error: 'training records are not carried in a canonical tickets file' } }
    }
    if (f.error || f.kind !== 'tickets') return { ...base, known: null, rowGroups: null }
    const row = staged[stagedAt++]
    const idx = Number(row?.file_idx)
    const count = groupSizes(runs.filter(r => r.file_idx === idx)).length
    const known = Object.fromEntries(KNOWN_FLAGS.map(k => [k, row?.[`k_${k}`] === true])) as Record<KnownFlag, boolean>
    const first = next
    next += count
    return { ...base, known, rowGroups: [first, count] }
  })
}
