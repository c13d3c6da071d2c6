/**
 * npm run bench:browser [rows]: the wall in Debian's Chromium, as a manager uses it.
 * Loads a synthetic export of `rows` tickets (default 1,000,000) through the file
 * picker, then changes the month filter five times. Prints the figures and writes
 * bench-results/browser-latest.json. Measurements, not assertions (docs/performance.md).
 */
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'
import { CHROMIUM_ARGS } from '../test/e2e/browser'
import { benchCsv } from './bench-data'

const rows = Number(process.argv[2] ?? 1_000_000)
const dir = mkdtempSync(path.join(tmpdir(), 'servicewall-bench-'))
const file = path.join(dir, 'bench_tickets.csv')
writeFileSync(file, benchCsv(rows))

/** Sum of the resident memory of every Chromium process (page, GPU, workers' renderer), in MB. */
function chromiumRssMb(): number {
  const out = execSync('ps -eo rss=,comm=').toString()
  return Math.round(out.split('\n').filter(l => /chrom/i.test(l)).reduce((s, l) => s + Number(l.trim().split(/\s+/)[0]), 0) / 1024)
}

await build({ logLevel: 'warn' })
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
const address = server.httpServer.address()
if (address === null || typeof address === 'string') throw new Error('no port')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
const idle = () => page.waitForFunction(() => !document.querySelector('[data-busy]'), undefined, { timeout: 600_000, polling: 20 })

let t = performance.now()
await page.goto(`http://127.0.0.1:${address.port}/?from=2025-12&to=2026-11`)
await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi]', { timeout: 120_000 })
const demoMs = Math.round(performance.now() - t)

t = performance.now()
await page.setInputFiles('[data-testid="file-input"]', file)
await page.waitForSelector('[data-testid="import-summary-close"]', { timeout: 600_000 })
const importMs = Math.round(performance.now() - t)
await page.click('[data-testid="import-summary-close"]')
await idle()
const afterImportRss = chromiumRssMb()

const changes: number[] = []
for (const from of ['2026-10', '2026-06', '2026-11', '2026-01', '2026-09']) {
  t = performance.now()
  await page.selectOption('[data-testid="filter-from"]', from)
  await page.waitForSelector('[data-busy]', { timeout: 5_000 }).catch(() => undefined)
  await idle()
  changes.push(Math.round(performance.now() - t))
}
changes.sort((a, b) => a - b)
const result = {
  date: new Date().toISOString(),
  rows,
  csv_mb: Math.round(statSync(file).size / 1e6),
  demo_ready_ms: demoMs,
  import_to_summary_ms: importMs,
  filter_change_ms: changes,
  filter_change_ms_median: changes[2],
  note: 'filter change includes the wall\'s 180 ms debounce; three query sets run per change (report, extras, 12-month trend)',
  chromium_rss_mb_after_import: afterImportRss,
}
console.log(result)
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/browser-latest.json', `${JSON.stringify(result, null, 2)}\n`)
await browser.close()
await new Promise<void>(resolve => server.httpServer.close(() => resolve()))
