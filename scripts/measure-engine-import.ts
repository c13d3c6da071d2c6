/**
 * npx tsx scripts/measure-engine-import.ts [rows] [--js] [--engine] [--slash]: file -> table of the
 * synthetic bench CSV (scripts/bench-data.ts) in Node (--slash: its timestamps written `2025/3/7 9:05`,
 * a layout the engine reads through the distinct-value lookup), the JS import (importFile + staging through Arrow IPC)
 * against the engine import (importIntoEngine), with the time of every SQL statement of the engine
 * path. Figures for docs/performance.md; no assertions.
 */
import type { Engine } from '../src/core/engine'
import { Dataset } from '../src/core/dataset'
import { DEFAULT_CONFIG } from '../src/core/config'
import { createNodeEngine } from '../src/db/node-engine'
import { importIntoEngine } from '../src/import/engine-import'
import { importFile } from '../src/import/import-file'
import { benchCsv } from './bench-data'

const args = process.argv.slice(2)
const rows = Number(args.find(a => /^\d+$/.test(a)) ?? 1_000_000)
const which = args.includes('--js') ? ['js'] : args.includes('--engine') ? ['engine'] : ['engine', 'js']
const ms = (t0: number) => Math.round(performance.now() - t0)

/** The engine with every statement timed (statements of 50 ms and more are printed). */
function timedEngine(engine: Engine, log: [string, number][]): Engine {
  const wrap = <A extends unknown[], R>(fn: (...a: A) => Promise<R>, name: (...a: A) => string) => async (...a: A) => {
    const t0 = performance.now()
    const r = await fn(...a)
    log.push([name(...a), ms(t0)])
    return r
  }
  const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110)
  return { ...engine, exec: wrap(engine.exec, short), query: wrap(engine.query, short) as Engine['query'],
    insertArrowIPC: wrap(engine.insertArrowIPC, t => `insertArrowIPC ${t}`),
    registerFile: wrap(engine.registerFile!, n => `registerFile ${n}`) }
}

const text = benchCsv(rows)
const bytes = new TextEncoder().encode(args.includes('--slash')
  ? text.replace(/(\d{4})-0?(\d{1,2})-0?(\d{1,2}) 0?(\d{1,2}):(\d{2}):\d{2}/g, '$1/$2/$3 $4:$5')
  : text)
console.log(`rows ${rows}, ${Math.round(bytes.length / 1e6)} MB`)
for (const w of which) {
  const base = await createNodeEngine()
  const log: [string, number][] = []
  const engine = timedEngine(base, log)
  const t0 = performance.now()
  const f = w === 'js' ? await importFile(bytes.slice(), 'bench.csv') : await importIntoEngine(engine, bytes.slice(), 'bench.csv')
  const importMs = ms(t0)
  const t1 = performance.now()
  const ds = await Dataset.open(base, DEFAULT_CONFIG)
  await ds.add([f])
  const stageMs = ms(t1)
  const slow = log.filter(([, t]) => t >= 50)
  console.log(JSON.stringify({ path: w, engine_path: Boolean(f.table), loaded: f.report.loaded, rejected: f.report.rejected, import_ms: importMs, stage_and_build_ms: stageMs,
    file_to_table_ms: importMs + stageMs, statements_ms: log.reduce((s, [, t]) => s + t, 0), rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }))
  for (const [s, t] of slow) console.log(`  ${String(t).padStart(6)} ms  ${s}`)
  await base.close()
}
