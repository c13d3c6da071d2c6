/**
 * The one table of `npm run bench`: each figure of the app beside the bare engine's, measured
 * in the same run, and their ratio. Also the machine and the versions the figures belong to.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { ratio } from './bench-stats'

type Figures = Record<string, unknown>
export interface SizeResult { rows: number, csv_mb: number, files: number, node?: { wall: Figures, bare: Figures, seconds: number } | { error: string }, chromium?: { wall: Figures, bare: Figures, seconds: number } | { error: string } }

const FIGURES: [key: string, label: string][] = [
  ['file_to_table_ms', 'file → table (ms)'],
  ['drop_to_full_wall_ms', 'drop → full wall (ms)'],
  ['filter_change_p50_ms', 'filter change p50 (ms)'],
  ['filter_change_p95_ms', 'filter change p95 (ms)'],
  ['first_visit_ms', 'first visit (ms)'],
  ['reload_ms', 'reload (ms)'],
]

export function tableRows(results: SizeResult[]): Record<string, string | number | null>[] {
  const out: Record<string, string | number | null>[] = []
  for (const r of results) {
    for (const env of ['node', 'chromium'] as const) {
      const run = r[env]
      if (!run) continue
      if ('error' in run) {
        out.push({ rows: r.rows, engine: env, figure: 'FAILED', servicewall: run.error.slice(0, 80), bare: null, ratio_to_bare: null })
        continue
      }
      const num = (f: Figures, k: string) => (typeof f[k] === 'number' ? f[k] as number : null)
      const mem = env === 'node' ? 'peak_rss_mb' : 'peak_pss_mb'
      for (const [k, label] of [...FIGURES, [mem, env === 'node' ? 'peak RSS (MB)' : 'peak PSS, process tree (MB)'] as [string, string]]) {
        const a = num(run.wall, k)
        const b = num(run.bare, k)
        out.push({ rows: r.rows, engine: env, figure: label, servicewall: a, bare: b, ratio_to_bare: ratio(a, b) })
      }
      const drop = num(run.wall, 'drop_to_full_wall_ms')
      out.push({ rows: r.rows, engine: env, figure: 'CSV drop ÷ reload (×)', servicewall: ratio(drop, num(run.wall, 'reload_ms')), bare: null, ratio_to_bare: null })
      out.push({ rows: r.rows, engine: env, figure: 'size took (s)', servicewall: run.seconds, bare: null, ratio_to_bare: null })
    }
  }
  return out
}

function version(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  }
  catch {
    return 'unknown'
  }
}

const pkg = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version

export function machine(chromium: string) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ram_gib: Math.round(totalmem() / 2 ** 30),
    load_average_1_5_15: loadavg().map(x => Math.round(x * 100) / 100),
    node: process.version,
    chromium: version(chromium, ['--version']),
    duckdb_wasm: pkg('@duckdb/duckdb-wasm'),
    playwright_core: pkg('playwright-core'),
  }
}
