/**
 * The Node half of `npm run bench` (DuckDB-wasm's blocking Node build, what the CLI runs).
 * One child process per engine and size, so each has its own cold wasm and its own peak RSS.
 * The app side goes through the engine API the CLI and the wall use (importFile, Dataset,
 * computeWall): a filter change is the wall's one batch (report, trend, chart extras), and the
 * first visit loads the demo as the wall does, from its converted file data/demo.servicewall.
 */
import type { Filters } from '../src/core/filters'
import type { ImportedFile } from '../src/core/dataset'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DATA_DIR } from '../data/demo-report'
import { readCanonicalPath } from '../src/cli/convert'
import { DEFAULT_CONFIG } from '../src/core/config'
import { Dataset } from '../src/core/dataset'
import { filterOptions } from '../src/core/wall'
import { computeWall } from '../src/core/wall-batch'
import { createNodeEngine } from '../src/db/node-engine'
import { importFile } from '../src/import/import-file'
import { filterCycle, LAST_MONTH } from './bench-cycle'
import { percentile } from './bench-stats'

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const v = await fn()
  return [v, Math.round(performance.now() - t0)]
}

async function importAll(files: { name: string, bytes: Uint8Array }[]): Promise<ImportedFile[]> {
  const out: ImportedFile[] = []
  for (const f of files) {
    const imported = await importFile(f.bytes, f.name)
    if (imported.report.error) throw new Error(`${f.name}: ${imported.report.error}`)
    out.push(imported)
  }
  return out
}

/** A started engine with `imported` loaded, and the wall's work for one filter (its batch). */
async function open(imported: ImportedFile[]) {
  const engine = await createNodeEngine()
  const ds = await Dataset.open(engine, DEFAULT_CONFIG)
  await ds.add(imported)
  // A file DuckDB could not take (out of memory) would leave the figures of a smaller data set.
  const failed = ds.importReport().files.filter(f => f.error)
  if (failed.length) throw new Error(`${failed.length} of ${imported.length} files not loaded: ${failed.map(f => `${f.file}: ${f.error}`).join(' | ').slice(0, 400)}`)
  const wall = (f: Filters) => ds.run(() => computeWall(engine, DEFAULT_CONFIG, f, ds.importReport()))
  return { engine, wall }
}

/** The wall opens on the latest month of the data. */
const LATEST: Filters = { from: LAST_MONTH, to: LAST_MONTH }

export async function nodeWall(paths: string[], changes: number) {
  const [, visit] = await timed(async () => {
    const demo = await readCanonicalPath(path.join(DATA_DIR, 'demo.servicewall'))
    if (!demo) throw new Error('data/demo.servicewall is not a converted file')
    const w = await open(demo)
    const months = (await filterOptions(w.engine)).months
    await w.wall({ from: months.at(-1) ?? null, to: months.at(-1) ?? null })
    await w.engine.close()
  })
  const files = paths.map(p => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) }))
  const [imported, importMs] = await timed(() => importAll(files))
  const [w, loadMs] = await timed(() => open(imported))
  const [, first] = await timed(() => w.wall(LATEST))
  const opts = await filterOptions(w.engine)
  const times: number[] = []
  for (const c of filterCycle(changes, opts.vendors.length, opts.priorities.length)) {
    const f: Filters = { from: c.state.from, to: c.state.to,
      vendors: c.state.vendor === null ? [] : [opts.vendors[c.state.vendor]!],
      priorities: c.state.priority === null ? [] : [opts.priorities[c.state.priority]!] }
    times.push((await timed(() => w.wall(f)))[1])
  }
  await w.engine.close()
  // Reload: a new engine given the canonical tickets the browser's storage keeps (ImportedFile.ipc).
  const [, reload] = await timed(async () => {
    const again = await open(imported)
    await again.wall(LATEST)
    await again.engine.close()
  })
  return {
    first_visit_ms: visit,
    import_ms: importMs,
    load_and_build_ms: loadMs,
    file_to_table_ms: importMs + loadMs,
    first_wall_ms: first,
    drop_to_full_wall_ms: importMs + loadMs + first,
    filter_change_ms: times,
    filter_change_p50_ms: percentile(times, 50),
    filter_change_p95_ms: percentile(times, 95),
    reload_ms: reload,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}
