import type { Engine } from '../../../src/core/engine'
import type { Filters } from '../../../src/core/filters'
import type { KpiReport } from '../../../src/core/report-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parquetMetadata } from 'hyparquet'
import { benchCsv } from '../../../scripts/bench-data'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'
import { importFile } from '../../../src/import/import-file'
import { canonicalMeta, ROW_GROUP_ROWS, selectRowGroups } from '../../../src/import/remote-layout'
import { openRemoteCanonical, readRemoteCanonical, readRowGroups } from '../../../src/import/remote-parquet'
import { writeCanonicalParquet } from '../../../src/import/remote-writer'
import { rangeServer } from './range-server'

const ROWS = 800_000
const config = DEFAULT_CONFIG
/** The figures of a report that depend on the filtered tickets only (not the import report, not the backlog: it ignores the month filter). */
function figures(r: KpiReport) {
  const { backlog_end: _b, ...overall } = r.overall
  return { as_of: r.as_of, overall, vendors: r.vendors, months: r.months.map(({ backlog_end: _e, ...m }) => m), vendor_months: r.vendor_months, priorities: r.priorities, channels: r.channels }
}

async function reportOf(engine: Engine, ds: Dataset, filters: Filters): Promise<KpiReport> {
  return ds.run(() => computeReport(engine, config, filters, ds.importReport()))
}

describe('a canonical tickets Parquet file at a URL, read with HTTP range requests', () => {
  let local: { engine: Engine, ds: Dataset }
  let bytes: Uint8Array
  let server: Awaited<ReturnType<typeof rangeServer>>

  beforeAll(async () => {
    const engine = await createNodeEngine()
    const ds = await Dataset.open(engine, config)
    // Two exports: the second repeats 2000 tickets of the first (they win), and one bad row.
    const csv = benchCsv(ROWS)
    const lines = csv.split('\n')
    const second = [lines[0], ...lines.slice(1, 2001).map(l => l.replace(/,(低|中|高|紧急),/, ',紧急,')), 'T-bad,用友U9,not a date,,,中,电话,审批流程,0,,部门1,x', ''].join('\n')
    await ds.add([await importFile(new TextEncoder().encode(csv), 'a.csv'), await importFile(new TextEncoder().encode(second), 'b.csv')])
    bytes = await writeCanonicalParquet(engine, ds.importReport())
    local = { engine, ds }
    server = await rangeServer(bytes, '/data/tickets.parquet')
  }, 600_000)
  afterAll(async () => {
    await server?.close()
    await local?.engine.close()
  })

  it('lays the file out by source file, vendor and created time, with the import report in its metadata', () => {
    const metadata = parquetMetadata(bytes.slice().buffer)
    const meta = canonicalMeta(metadata)
    expect(meta.files.map(f => f.report.file)).toEqual(['a.csv', 'b.csv'])
    expect(meta.files[1]!.rejected.map(r => r.row)).toEqual([2002])
    expect(Number(metadata.num_rows)).toBe(ROWS)
    expect(metadata.row_groups.every(g => Number(g.num_rows) <= ROW_GROUP_ROWS)).toBe(true)
    const vendor = (g: number, w: 'min_value' | 'max_value') => metadata.row_groups[g]!.columns.find(c => c.meta_data?.path_in_schema[0] === 'vendor')?.meta_data?.statistics?.[w]
    expect(metadata.row_groups.every((_, g) => vendor(g, 'min_value') === vendor(g, 'max_value'))).toBe(true)
    expect(bytes.length).toBeGreaterThan(10_000_000)
  })

  it('queries a month range and a vendor without downloading the file whole, with the same figures as the local load', async () => {
    const filters: Filters = { from: '2026-03', to: '2026-04', vendors: ['用友U9'] }
    const before = server.log.length
    const { remote, files, groups } = await readRemoteCanonical(server.url, { ...filters, recurrenceDays: config.recurrenceDays })
    const served = server.log.slice(before)
    const sum = served.reduce((s, r) => s + r.end - r.start, 0)
    console.log(`range reads: ${served.length} requests, ${sum} of ${bytes.length} bytes (${(100 * sum / bytes.length).toFixed(1)} %), ${groups.length} of ${remote.metadata.row_groups.length} row groups`)
    expect(served.some(r => r.whole)).toBe(false)
    expect(sum).toBe(remote.log.bytes)
    expect(sum).toBeLessThan(bytes.length / 5)
    expect(groups.length).toBeLessThan(remote.metadata.row_groups.length / 5)

    const engine = await createNodeEngine()
    try {
      const ds = await Dataset.open(engine, config)
      await ds.add(files)
      const got = await reportOf(engine, ds, filters)
      const want = await reportOf(local.engine, local.ds, filters)
      expect(want.overall.tickets).toBeGreaterThan(1000)
      expect(figures(got)).toEqual(figures(want))
      // Nothing silent: the bad row of b.csv is listed, with its row number.
      expect(ds.importReport().rejected.map(r => r.row)).toEqual([2002])

      // A wider window fetches only the row groups not fetched yet, and still agrees.
      const wide: Filters = { ...filters, from: '2026-01' }
      const more = selectRowGroups(remote.metadata, { ...wide, recurrenceDays: config.recurrenceDays })
      const mark = server.log.length
      await ds.add(await readRowGroups(remote, more))
      const again = server.log.slice(mark)
      expect(again.every(r => !served.some(s => s.start === r.start))).toBe(true)
      expect(figures(await reportOf(engine, ds, wide))).toEqual(figures(await reportOf(local.engine, local.ds, wide)))
    }
    finally {
      await engine.close()
    }
  }, 600_000)

  it('says what a file is when it is not a canonical tickets file, and when the URL does not answer', async () => {
    const plain = await rangeServer(bytes.slice(0, 1000), '/x.parquet')
    try {
      await expect(openRemoteCanonical(plain.url)).rejects.toThrow(/parquet|PAR1|canonical/i)
      await expect(openRemoteCanonical(plain.url.replace('x.parquet', 'missing.parquet'))).rejects.toThrow(/HTTP 404/)
    }
    finally {
      await plain.close()
    }
  })
})
