/**
 * npm run bench: the wall and the bare DuckDB-wasm engine in one run, in Node (the blocking
 * build the CLI uses) and in headless Chromium, at 100 k, 1 M and 5 M synthetic tickets.
 * Prints one table (servicewall, bare, ratio_to_bare) and writes bench-results/latest.json.
 * Measurements of this machine, never assertions; what each figure means: docs/performance.md.
 *
 *   npm run bench                               both, 100 k, 1 M and 5 M
 *   npm run bench -- --node | --browser         one of them
 *   npm run bench -- --sizes 100000,1000000     other sizes
 *   npm run bench -- --changes 50               filter changes timed per size
 */
import type { SizeResult } from './bench-report'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumSize, startServers } from './bench-chromium'
import { benchFiles, PART_ROWS, SPLIT_ABOVE } from './bench-files'
import { machine, tableRows } from './bench-report'
import { CHROMIUM_PATH } from './bench-wall'

const DEMO_TICKETS = 10_000
const args = process.argv.slice(2)
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const changes = Number(opt('--changes') ?? 50)

if (args[0] === '--child') {
  // One engine at one size in this process: the parent reads the last JSON line.
  const [, engine, ...files] = args.filter((_, i) => args[i - 1] !== '--changes' && args[i] !== '--changes')
  const run = engine === 'bare'
    ? (await import('./bench-bare')).nodeBare(files, changes, DEMO_TICKETS)
    : (await import('./bench-node')).nodeWall(files, changes)
  console.log(JSON.stringify(await run))
  process.exit(0)
}

function child(engine: 'bare' | 'wall', files: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', engine, ...files, '--changes', String(changes)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
  if (r.status !== 0) throw new Error(`node ${engine} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>
}

const only = args.includes('--node') ? 'node' : args.includes('--browser') ? 'chromium' : null
const sizes = (opt('--sizes') ?? args.filter(a => /^\d+$/.test(a) && !['--changes'].includes(args[args.indexOf(a) - 1] ?? '')).join(',')) || '100000,1000000,5000000'
const rowsList = sizes.split(',').map(Number).filter(n => n > 0)
const started = new Date().toISOString()
const before = machine(CHROMIUM_PATH)
const dir = mkdtempSync(path.join(tmpdir(), 'servicewall-bench-'))
const servers = only === 'node' ? null : await startServers(DEMO_TICKETS)
const results: SizeResult[] = []
const seconds = (t0: number) => Math.round((performance.now() - t0) / 1000)
for (const rows of rowsList) {
  const { files, mb } = benchFiles(rows, path.join(dir, String(rows)))
  const r: SizeResult = { rows, csv_mb: mb, files: files.length }
  if (only !== 'chromium') {
    const t0 = performance.now()
    try {
      r.node = { bare: child('bare', files), wall: child('wall', files), seconds: 0 }
      r.node.seconds = seconds(t0)
    }
    catch (e) {
      r.node = { error: String(e) }
    }
    console.log(JSON.stringify({ rows, node: r.node }))
  }
  if (servers) {
    try {
      r.chromium = await chromiumSize(servers, files, rows, changes)
    }
    catch (e) {
      r.chromium = { error: String(e) }
    }
    console.log(JSON.stringify({ rows, chromium: r.chromium }))
  }
  results.push(r)
  rmSync(path.join(dir, String(rows)), { recursive: true, force: true })
}
await servers?.close()
rmSync(dir, { recursive: true, force: true })

const notes = [
  `filter change: ${changes} changes cycling vendor, month range, priority (scripts/bench-cycle.ts). Chromium: from the control's change event to the last change of the values of the visible page's KPI cells, the wall's debounce INCLUDED (input_to_busy_ms_p50 shows it); Node: the wall's batch (computeWall: report, trend, chart extras), no debounce; bare: the KPI set with that filter.`,
  `above ${SPLIT_ABOVE / 1e6} M rows the tickets are split into CSV files of ${PART_ROWS / 1e6} M rows (the wall's CSV cap is 3 M rows / 512 MB a file); both engines get the same files.`,
  'first visit: wall = navigation to the demo wall settled (Node: engine start + load of data/demo.servicewall + first wall); bare = engine start + read_csv of a CSV with as many tickets as the demo + KPI set.',
  'reload: wall = page reload to the same wall, restored from the browser storage (Node: a new engine given the stored canonical tickets); bare = a new engine reading the CSV again (it keeps nothing).',
  'peak memory: Chromium = PSS summed over the browser process tree (smaps_rollup, every 250 ms), Node = peak RSS of the process.',
  'the machine is shared (see load_average before/after): read single figures as upper bounds.',
]
const table = tableRows(results)
console.table(table)
for (const n of notes) console.log(`- ${n}`)
const after = machine(CHROMIUM_PATH)
console.log(`machine: ${before.cpu}, ${before.cores} cores, ${before.ram_gib} GiB; Node ${before.node}; ${before.chromium}; DuckDB-wasm ${before.duckdb_wasm}; load ${before.load_average_1_5_15.join('/')} → ${after.load_average_1_5_15.join('/')}`)
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/latest.json', `${JSON.stringify({ started, finished: new Date().toISOString(), machine: before, load_average_after: after.load_average_1_5_15, changes, notes, table, results }, null, 2)}\n`)
