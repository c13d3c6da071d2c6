/**
 * npx tsx scripts/measure-5m.ts [millions=5]: 5 M tickets in the wall through the fast reload format.
 * Writes five synthetic 1 M-ticket CSVs (distinct ticket ids), converts them with
 * `servicewall convert --name` into one file (the CSV caps of 3 M rows / 512 MB do not apply
 * to it), picks that file in the wall of dist/ in Chromium and times the import summary, the
 * full wall and one month-filter change, with the Chromium process tree's memory (PSS).
 * Figures for docs/performance.md; no assertions.
 */
import { execFileSync, execSync } from 'node:child_process'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../test/e2e/browser'
import { serveWallWithData } from '../test/e2e/static-server'
import { benchCsv } from './bench-data'

const root = path.resolve(import.meta.dirname, '..')
const millions = Number(process.argv[2] ?? 5)
const work = mkdtempSync(path.join(tmpdir(), 'servicewall-5m-'))
const csvs = Array.from({ length: millions }, (_, k) => {
  const file = path.join(work, `bench${k}_tickets.csv`)
  writeFileSync(file, benchCsv(1_000_000, 11 + k).replace(/\nT/g, `\nK${k}-T`))
  return file
})
let t = performance.now()
execFileSync(process.execPath, ['--max-old-space-size=12000', path.join(root, 'bin/servicewall.mjs'), 'convert', ...csvs, '--out', work, '--name', 'bench'], { stdio: 'inherit' })
const convertMs = Math.round(performance.now() - t)
const converted = path.join(work, 'bench.servicewall')

/** Proportional set size of every Chromium process, in MB (shared pages counted once across them). */
function chromiumPssMb(): number {
  const pids = execSync('pgrep -f chromium || true').toString().trim().split('\n').filter(Boolean)
  let kb = 0
  for (const pid of pids) {
    try {
      const m = /Pss:\s+(\d+)/.exec(execSync(`cat /proc/${pid}/smaps_rollup 2>/dev/null`).toString())
      kb += Number(m?.[1] ?? 0)
    }
    catch { /* gone */ }
  }
  return Math.round(kb / 1024)
}

const server = await serveWallWithData(path.join(root, 'dist'), work)
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
const idle = () => page.waitForFunction(() => !document.querySelector('[data-busy]'), undefined, { timeout: 1_800_000, polling: 50 })
await page.goto(`${server.url}?from=2025-12&to=2026-11`)
await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi]', { timeout: 120_000 })
await idle()
let peak = chromiumPssMb()
const sampler = setInterval(() => (peak = Math.max(peak, chromiumPssMb())), 1000)
t = performance.now()
await page.setInputFiles('[data-testid="file-input"]', converted)
await page.waitForSelector('[data-testid="import-summary-close"]', { timeout: 1_800_000 })
const summaryMs = Math.round(performance.now() - t)
await page.click('[data-testid="import-summary-close"]')
await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="用友U9"]', { timeout: 1_800_000 })
await idle()
const wallMs = Math.round(performance.now() - t)
const tickets = await page.textContent('[data-testid="kpi-table"]')
t = performance.now()
await page.selectOption('[data-testid="filter-from"]', '2026-06')
await page.waitForSelector('[data-busy]', { timeout: 5_000 }).catch(() => undefined)
await idle()
const filterMs = Math.round(performance.now() - t)
clearInterval(sampler)
const result = {
  date: new Date().toISOString(), tickets: millions * 1_000_000, converted_mb: Math.round(statSync(converted).size / 1e6), convert_cli_ms: convertMs,
  pick_to_summary_ms: summaryMs, pick_to_full_wall_ms: wallMs, filter_change_ms: filterMs, chromium_pss_peak_mb: peak, chromium_pss_after_mb: chromiumPssMb(),
  table_mentions_vendor: tickets?.includes('用友U9') ?? false,
}
console.log(JSON.stringify(result, null, 2))
writeFileSync(path.join(root, 'bench-results', 'reload-5m-latest.json'), `${JSON.stringify(result, null, 2)}\n`)
await browser.close()
await server.close()
