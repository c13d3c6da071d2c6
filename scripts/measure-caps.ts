/**
 * npx tsx scripts/measure-caps.ts [rows…]: what one Chromium tab survives. Imports
 * synthetic CSVs of growing size (default 1 to 4 million tickets), with the caps lifted, into a fresh
 * wall each, samples the resident memory of every Chromium process while it works,
 * and prints how each ended: loaded, refused with a message, or the tab crashed.
 * The import caps (src/import/types.ts, docs/importing.md) come from these figures.
 */
import { execSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { build, preview } from 'vite'
import { CHROMIUM_ARGS } from '../test/e2e/browser'
import { benchCsv } from './bench-data'

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0)
const rowsList = sizes.length ? sizes : [1_000_000, 2_000_000, 3_000_000, 4_000_000]
const outDir = mkdtempSync(path.join(tmpdir(), 'servicewall-caps-dist-'))

/** Resident memory of this run's Chromium processes only (they carry its profile directory), in MB. */
function chromiumRssMb(profile: string): number {
  const out = execSync('ps -eo rss=,args=', { maxBuffer: 64 * 1024 * 1024 }).toString()
  return Math.round(out.split('\n').filter(l => l.includes(profile)).reduce((s, l) => s + Number(l.trim().split(/\s+/)[0]), 0) / 1024)
}

// The caps themselves are lifted for the measurement: it looks for where the tab gives out.
const uncapped = {
  name: 'servicewall-uncapped',
  enforce: 'pre' as const,
  transform: (code: string, id: string) => (id.includes('src/import/types.ts') ? code.replace(/(max\w+): [\d_ *]+,/g, '$1: Number.MAX_SAFE_INTEGER,') : null),
}
await build({ logLevel: 'warn', build: { outDir }, plugins: [uncapped], worker: { format: 'es', plugins: () => [uncapped] } })
const workerJs = readdirSync(path.join(outDir, 'assets')).filter(f => f.startsWith('import.worker')).map(f => readFileSync(path.join(outDir, 'assets', f), 'utf8')).join('')
if (!/maxRows:(9007199254740991|2\*\*53-1|Number\.MAX_SAFE_INTEGER)/.test(workerJs)) throw new Error('the import worker still has its caps')
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, build: { outDir }, logLevel: 'warn' })
const address = server.httpServer.address()
if (address === null || typeof address === 'string') throw new Error('no port')
const results = []
for (const rows of rowsList) {
  const dir = mkdtempSync(path.join(tmpdir(), 'servicewall-caps-'))
  const file = path.join(dir, 'caps_tickets.csv')
  writeFileSync(file, benchCsv(rows))
  const csvMb = Math.round(statSync(file).size / 1e6)
  const profile = mkdtempSync(path.join(tmpdir(), 'servicewall-caps-profile-'))
  const browser = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1920, height: 1080 } })
  const page = await browser.newPage()
  let crashed = false
  page.on('crash', () => (crashed = true))
  await page.goto(`http://127.0.0.1:${address.port}/`)
  await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi]', { timeout: 120_000 })
  const before = chromiumRssMb(profile)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb(profile))), 500)
  const t0 = performance.now()
  let outcome: string
  try {
    await page.setInputFiles('[data-testid="file-input"]', file)
    await page.waitForSelector('[data-testid="import-summary-close"]', { timeout: 900_000 })
    const line = await page.evaluate(() => document.querySelector('[data-testid="import-error"], [data-testid="import-file"]')?.textContent ?? '')
    outcome = line.replace(/\s+/g, ' ').trim().slice(0, 160)
  }
  catch (e) {
    outcome = crashed ? 'tab crashed' : `no summary: ${(e as Error).message.split('\n')[0]}`
  }
  clearInterval(sampler)
  const result = { rows, csv_mb: csvMb, seconds: Math.round((performance.now() - t0) / 1000), rss_before_mb: before, peak_rss_mb: peak, after_rss_mb: chromiumRssMb(profile), outcome }
  console.log(JSON.stringify(result))
  results.push(result)
  await browser.close().catch(() => undefined)
  rmSync(dir, { recursive: true, force: true })
  rmSync(profile, { recursive: true, force: true })
}
await new Promise<void>(resolve => server.httpServer.close(() => resolve()))
rmSync(outDir, { recursive: true, force: true })
