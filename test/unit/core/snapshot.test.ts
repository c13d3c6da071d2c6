import type { KpiConfig } from '../../../src/core/config'
import type { ImportedFile } from '../../../src/core/dataset'
import type { Engine } from '../../../src/core/engine'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import demoConfig from '../../../data/demo-config.json'
import { DEMO_DIR, demoFileNames } from '../../../data/demo-report'
import { benchCsv } from '../../../scripts/bench-data'
import { mergeConfig } from '../../../src/core/config-merge'
import { withDemoSettings } from '../../../src/core/config-demo'
import { Dataset } from '../../../src/core/dataset'
import { computeMonthly } from '../../../src/core/monthly'
import { computeWall } from '../../../src/core/wall-batch'
import { bucketTablesSql, cleanBounds, ESTIMATE_BOUNDS_SQL } from '../../../src/core/sql/quantile-buckets'
import { QUANTILE_BOUND_COLUMNS } from '../../../src/core/sql/tickets-table'
import { createNodeEngine } from '../../../src/db/node-engine'
import { importFile } from '../../../src/import/import-file'
import { built, derivedTables as tables, recording } from '../helpers/derived-tables'

/**
 * A data set put back from its snapshot (src/core/snapshot.ts) against the same files built:
 * every derived table row for row, the wall and the monthly report; and a snapshot of another
 * build or other files is not used.
 */
const concat = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

const copy = (files: ImportedFile[]) => files.map(f => ({ ...f, ipc: f.ipc ? f.ipc.slice() : null }))

/** The quantile bucket tables as a wide filter change makes them. */
async function makeBuckets(e: Engine): Promise<void> {
  const [estimate] = await e.query(ESTIMATE_BOUNDS_SQL)
  for (const sql of bucketTablesSql(QUANTILE_BOUND_COLUMNS.map(c => cleanBounds(estimate![c])))) await e.exec(sql)
}

async function scenario(files: ImportedFile[], config: KpiConfig, buckets = false) {
  const e = await createNodeEngine()
  const ds = await Dataset.open(e, config)
  await ds.replace(copy(files), config)
  // The wall's first answer makes quantile caches, and a wide filter the quantile buckets (made
  // here directly: the test data are below the size where the wall uses them): both belong to the snapshot.
  const first = await computeWall(e, config, {}, ds.importReport())
  if (buckets) await makeBuckets(e)
  const snapshot = concat((await ds.snapshot())!)
  const before = await tables(e)
  const month = first.report.months.at(-1)?.month ?? '2026-11'
  const monthly = await computeMonthly(e, config, {}, month, ds.importReport())
  const filtered = await computeWall(e, config, { from: month, to: month }, ds.importReport())
  await e.close()
  return { snapshot, before, monthly, filtered, month, imports: ds.importReport() }
}

async function restored(files: ImportedFile[], config: KpiConfig, snapshot: Uint8Array) {
  const raw = await createNodeEngine()
  const { engine: e, statements } = recording(raw)
  const ds = await Dataset.open(e, config, { deferBuild: true })
  await ds.replace(copy(files), config, snapshot)
  return { e, ds, statements }
}

describe('the snapshot of the built tables', () => {
  const demo = demoFileNames().map(n => importFile(new Uint8Array(readFileSync(join(DEMO_DIR, n))), n))

  it('puts back every derived table of the demo as the build made it, with the same wall and monthly report', async () => {
    const files = await Promise.all(demo)
    const config = withDemoSettings(mergeConfig({}), demoConfig)
    const a = await scenario(files, config)
    expect(Object.keys(a.before)).toContain('kpi_quantiles_all')
    const { e, ds, statements } = await restored(files, config, a.snapshot)
    expect(built(statements)).toBe(false)
    expect(await tables(e)).toEqual(a.before)
    expect(ds.importReport()).toEqual(a.imports)
    expect(await computeMonthly(e, config, {}, a.month, ds.importReport())).toEqual(a.monthly)
    expect(await computeWall(e, config, { from: a.month, to: a.month }, ds.importReport())).toEqual(a.filtered)
    await e.close()
  }, 120_000)

  it('does the same for tickets with duplicates between files; the quantile buckets made are left to be made again', async () => {
    const one = await importFile(new TextEncoder().encode(benchCsv(2500, 3)), 'a.csv')
    const two = await importFile(new TextEncoder().encode(benchCsv(1500, 3)), 'b.csv') // the same ids again: duplicates
    const config = mergeConfig({ recurrenceDays: 10 })
    const a = await scenario([one, two], config, true)
    expect(Object.keys(a.before)).toEqual(expect.arrayContaining(['kpi_qvalues', 'kpi_qcube']))
    expect(a.before.kpi_qbounds!.length).toBe(2) // its column line and the bounds made
    const { e, statements } = await restored([one, two], config, a.snapshot)
    expect(built(statements)).toBe(false)
    // The bucket tables are not kept: they come back not made, and are made again as after a build.
    const { kpi_qvalues: _v, kpi_qcube: _c, ...rest } = a.before
    expect(await tables(e)).toEqual({ ...rest, kpi_qbounds: a.before.kpi_qbounds!.slice(0, 1) })
    await makeBuckets(e)
    expect(await tables(e)).toEqual(a.before)
    await e.close()
  }, 120_000)

  it('leaves the staging for later: a config change or another file after it builds from the files as a plain data set does', async () => {
    const files = await Promise.all(demo)
    const config = withDemoSettings(mergeConfig({}), demoConfig)
    const { snapshot } = await scenario(files, config)
    const { e, ds, statements } = await restored(files, config, snapshot)
    expect(built(statements)).toBe(false)
    const other = mergeConfig({ recurrenceDays: config.recurrenceDays + 3 }, config)
    const extra = await importFile(new TextEncoder().encode(benchCsv(400, 8)), 'extra.csv')
    const ref = await createNodeEngine()
    const plain = await Dataset.open(ref, config)
    await plain.replace(copy(files), config)
    for (const step of [(d: Dataset) => d.setConfig(other), (d: Dataset) => d.add(copy([extra]))]) {
      await step(ds)
      await step(plain)
      expect(await tables(e)).toEqual(await tables(ref))
      expect(ds.importReport()).toEqual(plain.importReport())
    }
    expect(built(statements)).toBe(true)
    await e.close()
    await ref.close()
  }, 180_000)

  it('is taken once per build: again after a settings change rebuilt the tables, and that one is used under the new settings', async () => {
    const files = await Promise.all(demo)
    const config = withDemoSettings(mergeConfig({}), demoConfig)
    const { snapshot } = await scenario(files, config)
    const { e, ds } = await restored(files, config, snapshot)
    expect(await ds.snapshot()).toBeNull() // put back: the storage has these tables
    const other = mergeConfig({ recurrenceDays: config.recurrenceDays + 2 }, config)
    await ds.setConfig(other)
    const again = await ds.snapshot()
    expect(again).not.toBeNull()
    expect(await ds.snapshot()).toBeNull() // taken: nothing new to keep
    const before = await tables(e)
    await e.close()
    const next = await restored(files, other, concat(again!))
    expect(built(next.statements)).toBe(false)
    expect(await tables(next.e)).toEqual(before)
    await next.e.close()
  }, 180_000)

  it('is not used for another build, other files, or bytes that are not a snapshot: the data set builds', async () => {
    const files = await Promise.all(demo)
    const config = withDemoSettings(mergeConfig({}), demoConfig)
    const { snapshot } = await scenario(files, config)
    const other = mergeConfig({ recurrenceDays: config.recurrenceDays + 1 }, config)
    for (const [fs, cfg, bytes] of [[files, other, snapshot], [files.slice(1), config, snapshot], [files, config, snapshot.slice(0, -10)], [files, config, new Uint8Array(64)]] as const) {
      const { e, ds, statements } = await restored([...fs], cfg, bytes)
      expect(built(statements)).toBe(true)
      const ref = await createNodeEngine()
      const plain = await Dataset.open(ref, cfg)
      await plain.replace(copy([...fs]), cfg)
      expect(await computeWall(e, cfg, {}, ds.importReport())).toEqual(await computeWall(ref, cfg, {}, plain.importReport()))
      await e.close()
      await ref.close()
    }
  }, 240_000)
})
