/**
 * The Chromium half of `npm run bench`: the wall built as shipped (dist/, served by Vite's
 * preview with its security headers) and the bare page (bench-page/, built into a temporary
 * folder, never into dist/), each size in fresh browsers, bare engine first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build, preview } from 'vite'
import { bareRun } from './bench-bare-page'
import { benchCsv, PRIORITIES, VENDORS } from './bench-data'
import { wallRun } from './bench-wall'

type Server = Awaited<ReturnType<typeof preview>>

function urlOf(s: Server): string {
  const a = s.httpServer.address()
  if (a === null || typeof a === 'string') throw new Error('no port')
  return `http://127.0.0.1:${a.port}/`
}

export async function startServers(demoTickets: number): Promise<{ wall: string, bare: string, close: () => Promise<void> }> {
  const root = path.resolve(import.meta.dirname, 'bench-page')
  const outDir = mkdtempSync(path.join(tmpdir(), 'servicewall-bench-page-'))
  await build({ logLevel: 'warn' })
  await build({ configFile: false, root, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' }, worker: { format: 'es' } })
  // The bare engine's first visit reads as many tickets as the demo holds, as one CSV.
  writeFileSync(path.join(outDir, 'demo.csv'), benchCsv(demoTickets, 11))
  const wall = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
  const bare = await preview({ configFile: false, root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } })
  const close = (s: Server) => new Promise<void>(resolve => s.httpServer.close(() => resolve()))
  return { wall: urlOf(wall), bare: urlOf(bare), close: async () => {
    await close(wall)
    await close(bare)
  } }
}

export async function chromiumSize(urls: { wall: string, bare: string }, files: string[], rows: number, changes: number) {
  const t0 = performance.now()
  const bare = await bareRun(urls.bare, files, changes, VENDORS.length, PRIORITIES.length)
  const wall = await wallRun(urls.wall, files, rows, changes)
  return { wall, bare, seconds: Math.round((performance.now() - t0) / 1000) }
}
