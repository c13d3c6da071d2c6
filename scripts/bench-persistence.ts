/**
 * npm run bench:persistence [rows]: the candidate ways of keeping the wall's data in the browser,
 * measured in Chromium with the bundled DuckDB-wasm: (a) DuckDB's database in OPFS, (b) Arrow IPC
 * of the canonical tickets in OPFS, (c) the source files in OPFS, parsed again at start.
 * Figures for docs/persistence.md; no assertions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { createServer } from 'vite'
import { demoFileNames } from '../data/demo-report'
import { CHROMIUM_ARGS } from '../test/e2e/browser'
import { benchCsv } from './bench-data'

const rows = Number(process.argv[2] ?? 100_000)
const profile = mkdtempSync(path.join(tmpdir(), 'servicewall-persist-'))
const big = path.join(profile, 'bench_tickets.csv')
writeFileSync(big, benchCsv(rows))

const server = await createServer({ configFile: false, root: path.resolve(import.meta.dirname, '..'), logLevel: 'warn', server: { port: 0, host: '127.0.0.1', fs: { strict: false } } })
await server.listen()
const address = server.httpServer!.address()
if (address === null || typeof address === 'string') throw new Error('no port')
const base = `http://127.0.0.1:${address.port}`
const demo = demoFileNames().map(n => `/data/demo/${encodeURIComponent(n)}`)
const sets = { demo, [`${rows / 1000}k`]: [`/@fs${big}`] }

const ctx = await chromium.launchPersistentContext(path.join(profile, 'user'), { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
const open = async () => {
  const p = await ctx.newPage()
  await p.goto(`${base}/scripts/persistence/index.html`)
  await p.waitForFunction(() => document.title === 'ready', undefined, { timeout: 120_000 })
  return p
}
// The dev server bundles dependencies on first sight and reloads the page once: warm it up.
const warm = await open()
await call(warm, 'arrowIpc', demo.slice(0, 1)).catch(() => undefined)
await warm.waitForTimeout(3000)
await warm.close()
type Probe = Record<string, (...a: unknown[]) => Promise<unknown>>
async function call(p: Awaited<ReturnType<typeof open>>, fn: string, ...args: unknown[]): Promise<unknown> {
  return p.evaluate(([f, a]) => ((window as unknown as { probe: Probe }).probe[f as string]!)(...(a as unknown[])), [fn, args] as const)
}

const out: Record<string, unknown> = { date: new Date().toISOString() }
for (const [name, urls] of Object.entries(sets)) {
  const page = await open()
  const r: Record<string, unknown> = {}
  r.source = await call(page, 'sourceFiles', urls)
  r.ipc = await call(page, 'arrowIpc', urls)
  r.db_write = await call(page, 'opfsDatabase', urls, 'write')
  r.db_file_bytes = await call(page, 'opfsFileSize', 'probe.db')
  r.db_reopen_after_terminate = await call(page, 'opfsDatabase', urls, 'reopen')
  await page.reload()
  await page.waitForFunction(() => document.title === 'ready')
  r.db_reopen_after_reload = await call(page, 'opfsDatabase', urls, 'reopen')
  r.db_first_tab_holds = await call(page, 'opfsDatabase', urls, 'hold')
  const second = await open()
  r.db_second_tab = await call(second, 'opfsDatabase', urls, 'reopen')
  await second.close()
  await page.close()
  out[name] = r
  console.log(name, JSON.stringify(r, null, 1))
}
await ctx.close()
await server.close()
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/persistence-latest.json', `${JSON.stringify(out, null, 2)}\n`)
rmSync(profile, { recursive: true, force: true })
