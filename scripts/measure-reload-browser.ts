/**
 * npx tsx scripts/measure-reload-browser.ts [BEFORE_DIST] [rows...]: in Debian's Chromium, (1) the
 * reload candidates at each size (scripts/reload/probe.ts: the CSV through the app's import and
 * through read_csv, then Arrow IPC, a DuckDB database file ATTACHed READ_ONLY, Parquet through
 * hyparquet), (2) the demo's first visit: the wall of dist/ (after), the wall of BEFORE_DIST when
 * given (a build of an earlier commit), and the bare engine's start + load of the same data,
 * alternating, five rounds. Figures for docs/performance.md ("Fast reload format"); no assertions.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { CHROMIUM_ARGS } from '../test/e2e/browser'
import { serveWallWithData } from '../test/e2e/static-server'
import { benchCsv } from './bench-data'

const root = path.resolve(import.meta.dirname, '..')
const [beforeDist, ...sizeArgs] = process.argv.slice(2)
const sizes = sizeArgs.map(Number).filter(n => n > 0)
const work = mkdtempSync(path.join(tmpdir(), 'servicewall-reload-'))
const probeDist = path.join(work, 'probe')
await build({ root: path.join(root, 'scripts/reload'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: probeDist, emptyOutDir: true } })
const data = path.join(work, 'data')
mkdirSync(data)
for (const n of sizes) writeFileSync(path.join(data, `bench_${n}.csv`), benchCsv(n))

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
const out: Record<string, unknown> = { date: new Date().toISOString(), chromium: browser.version() }
const probe = await serveWallWithData(probeDist, data)
for (const n of sizes) {
  const page = await browser.newPage()
  await page.goto(`${probe.url}index.html`)
  await page.waitForFunction(() => document.title === 'ready')
  out[`candidates_${n}`] = await page.evaluate(u => (window as unknown as { probe: { candidates: (u: string) => Promise<unknown> } }).probe.candidates(u), `/data/bench_${n}.csv`)
  console.log(n, out[`candidates_${n}`])
  await page.close()
}

/** ms from navigation to the KPI table of the demo with no task running ("the demo wall complete"). */
async function wallFirstVisit(url: string): Promise<number> {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  const page = await ctx.newPage()
  await page.goto(url)
  await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi]', { timeout: 120_000 })
  await page.waitForFunction(() => !document.querySelector('[data-busy]'), undefined, { timeout: 120_000, polling: 20 })
  const t = await page.evaluate(() => Math.round(performance.now()))
  await ctx.close()
  return t
}

async function bareFirstVisit(): Promise<number> {
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  await page.goto(`${probe.url}index.html?bare`)
  await page.waitForFunction(() => document.title.startsWith('bare:') || document.title.startsWith('error:'), undefined, { timeout: 120_000 })
  const title = await page.title()
  await ctx.close()
  if (!title.startsWith('bare:')) throw new Error(title)
  return Number(title.split(':')[1])
}

const after = await serveWallWithData(path.join(root, 'dist'), data)
const before = beforeDist ? await serveWallWithData(beforeDist, data) : null
const visits: Record<string, number[]> = { bare: [], after: [], ...(before ? { before: [] } : {}) }
for (let round = 0; round < 5; round++) {
  visits.bare!.push(await bareFirstVisit())
  visits.after!.push(await wallFirstVisit(`${after.url}`))
  if (before) visits.before!.push(await wallFirstVisit(`${before.url}`))
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
out.first_visit_ms = Object.fromEntries(Object.entries(visits).map(([k, v]) => [k, { runs: v, median: median(v) }]))
out.first_visit_ratio_after_to_bare = Math.round(median(visits.after!) / median(visits.bare!) * 100) / 100
if (before) out.first_visit_ratio_before_to_bare = Math.round(median(visits.before!) / median(visits.bare!) * 100) / 100
console.log(JSON.stringify(out, null, 2))
writeFileSync(path.join(root, 'bench-results', 'reload-browser-latest.json'), `${JSON.stringify(out, null, 2)}\n`)
await browser.close()
for (const s of [probe, after, before]) await s?.close()
