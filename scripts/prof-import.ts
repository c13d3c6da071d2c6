import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { serveWallWithData } from '../test/e2e/static-server'
import { benchCsv } from './bench-data'
import { freshBrowser } from './bench-wall'
import { RECORDER } from './bench-recorder'
import { pageNow, settle } from './bench-settle'

const root = path.resolve(import.meta.dirname, '..')
const n = Number(process.argv[2] ?? 1000000)
const work = mkdtempSync(path.join(tmpdir(), 'sw-prof-'))
await build({ root, logLevel: 'warn', build: { outDir: path.join(work, 'dist'), emptyOutDir: true } })
const file = path.join(work, `bench_${n}.csv`)
writeFileSync(file, benchCsv(n))
const srv = await serveWallWithData(path.join(work, 'dist'), work)
const b = await freshBrowser()
const t0 = Date.now()
b.page.on('console', m => { if (m.text().startsWith('[')) console.log(((Date.now() - t0) / 1000).toFixed(1), m.text()) })
b.page.on('worker', w => w.on('console', m => console.log(((Date.now() - t0) / 1000).toFixed(1), 'W', m.text())))
await b.ctx.addInitScript({ content: RECORDER })
await b.page.goto(srv.url)
const visit = await settle(b.page, 0, { quietMs: 1000, timeoutMs: 300_000 })
console.log('visit', visit.done)
const t = await pageNow(b.page)
await b.page.setInputFiles('[data-testid="file-input"]', [file])
const drop = await settle(b.page, t, { quietMs: 1500, timeoutMs: 600_000, summary: true, cellsNot: visit.cells })
console.log('drop', drop.summary, drop.done, 'pss', b.pss.nowMb())
await b.page.waitForTimeout(15000)
console.log('peak', b.pss.stop())
await b.close()
await srv.close()
