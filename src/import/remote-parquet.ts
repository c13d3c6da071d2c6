import type { ColumnData, FileMetaData } from 'hyparquet'
import type { Data } from 'apache-arrow'
import type { ImportedFile } from '../core/dataset'
import type { CanonicalFile, CanonicalMeta, GroupQuery } from './remote-layout'
import type { Fetch, RangeLog } from './remote-range'
import type { AsyncBuffer } from 'hyparquet'
import { makeVector, Table, tableToIPC } from 'apache-arrow'
import { parquetMetadataAsync, parquetRead } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { STAGED_COLUMNS } from '../core/sql/tickets-table'
import { boolColumn, float64Column, int32Column, utf8Column } from './arrow-columns'
import { canonicalMeta, NotCanonicalError, selectRowGroups } from './remote-layout'
import { rangeBuffer } from './remote-range'

/** A canonical tickets file at a URL, its footer read; row groups are fetched on demand. */
export interface RemoteCanonical {
  url: string
  name: string
  metadata: FileMetaData
  meta: CanonicalMeta
  buffer: AsyncBuffer
  log: RangeLog
  /** Row groups fetched so far (a wider window fetches only the others). */
  fetched: Set<number>
  /** Source files whose rejected rows and failures were handed out already. */
  reported: Set<number>
}

export async function openRemoteCanonical(url: string, fetchFn?: Fetch): Promise<RemoteCanonical> {
  const { buffer, log } = await rangeBuffer(url, fetchFn)
  // The footer of a canonical file is small: one 64 KB tail read holds it in most files.
  const metadata = await parquetMetadataAsync(buffer, { initialFetchSize: 1 << 16 }).catch((e: unknown) => {
    throw new NotCanonicalError(`不是 Parquet 文件 / not a Parquet file: ${e instanceof Error ? e.message : String(e)}`)
  })
  const meta = canonicalMeta(metadata)
  const name = decodeURIComponent(new URL(url, 'http://x/').pathname.split('/').pop() || url)
  return { url, name, metadata, meta, buffer, log, fetched: new Set(), reported: new Set() }
}

type Builder = (values: unknown[]) => Data
const BUILDERS: Record<string, Builder> = {
  INTEGER: v => int32Column(v as (number | null)[]),
  DOUBLE: v => float64Column(v as (number | null)[]),
  BOOLEAN: v => boolColumn(v as (boolean | null)[]),
  VARCHAR: v => utf8Column(v as (string | null)[]),
}

/** Rows [start, end) of the file, the columns asked for (the others stay NULL), as staging IPC. */
async function readRows(remote: RemoteCanonical, start: number, end: number, columns: readonly string[]): Promise<Uint8Array> {
  const n = end - start
  const data = new Map(STAGED_COLUMNS.map(([c]) => [c, new Array<unknown>(n).fill(null)]))
  const onChunk = ({ columnName, columnData, rowStart }: ColumnData) => {
    const out = data.get(columnName)
    if (!out) return
    for (let i = Math.max(0, start - rowStart); i < columnData.length && rowStart + i < end; i++) out[rowStart + i - start] = columnData[i] ?? null
  }
  await parquetRead({ file: remote.buffer, metadata: remote.metadata, rowStart: start, rowEnd: end, columns: [...columns], compressors, onChunk })
  const vectors = Object.fromEntries(STAGED_COLUMNS.map(([c, ty]) => [c, makeVector(BUILDERS[ty]!(data.get(c)!))]))
  return tableToIPC(new Table(vectors), 'stream')
}

function groupStart(metadata: FileMetaData, g: number): number {
  let at = 0
  for (let i = 0; i < g; i++) at += Number(metadata.row_groups[i]!.num_rows)
  return at
}

/** A source file's part: its report says where the rows came from; its rejected rows come with the first part. */
function part(remote: RemoteCanonical, i: number, f: CanonicalFile, groups: number[], rows: number, ipc: Uint8Array | null): ImportedFile {
  const first = !remote.reported.has(i)
  remote.reported.add(i)
  const rejected = first ? f.rejected : []
  const [g0, count] = f.rowGroups ?? [0, 0]
  const where = `${remote.url}: row groups ${groups.map(g => g - g0 + 1).join(', ')} of ${count}`
  const report = {
    ...f.report, file: `${remote.name} › ${f.report.file}`, rows: rows + rejected.length, rejected: rejected.length,
    loaded: rows, duplicates: 0, warnings: [...(f.report.warnings ?? []), where],
  }
  return { report, rejected: rejected.map(r => ({ ...r, file: report.file })), kind: ipc ? 'tickets' : null, ipc, known: f.known }
}

/**
 * The staging files for row groups `groups` not fetched yet: one ImportedFile per source
 * file and run of adjacent groups; the source files without tickets (failed, training) are
 * listed once with their errors. Only `columns` are downloaded.
 */
export async function readRowGroups(remote: RemoteCanonical, groups: readonly number[], columns: readonly string[] = STAGED_COLUMNS.map(([c]) => c)): Promise<ImportedFile[]> {
  const out: ImportedFile[] = []
  for (const [i, f] of remote.meta.files.entries()) {
    if (!f.rowGroups) {
      if (!remote.reported.has(i)) out.push({ ...part(remote, i, f, [], 0, null), report: { ...f.report, file: `${remote.name} › ${f.report.file}` } })
      continue
    }
    const [g0, count] = f.rowGroups
    const mine = groups.filter(g => g >= g0 && g < g0 + count && !remote.fetched.has(g))
    // Adjacent groups are one read: hyparquet merges their column chunks into few requests.
    const runs: number[][] = []
    for (const g of mine) {
      const last = runs.at(-1)
      if (last && last.at(-1) === g - 1) last.push(g)
      else runs.push([g])
    }
    for (const run of runs) {
      const start = groupStart(remote.metadata, run[0]!)
      const end = groupStart(remote.metadata, run.at(-1)! + 1)
      const ipc = await readRows(remote, start, end, columns)
      for (const g of run) remote.fetched.add(g)
      out.push(part(remote, i, f, run, end - start, ipc))
    }
  }
  return out
}

/** Opens the file and reads what a wall filtered to `q` needs (remote-layout.ts selectRowGroups). */
export async function readRemoteCanonical(url: string, q: GroupQuery & { columns?: readonly string[], fetch?: Fetch }): Promise<{ remote: RemoteCanonical, files: ImportedFile[], groups: number[] }> {
  const remote = await openRemoteCanonical(url, q.fetch)
  const groups = selectRowGroups(remote.metadata, q)
  return { remote, groups, files: await readRowGroups(remote, groups, q.columns) }
}
