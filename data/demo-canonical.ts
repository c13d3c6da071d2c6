/**
 * The demo's canonical tickets in the fast reload format (data/demo.servicewall): what
 * `servicewall convert data/demo/* --out data --name demo` writes, files in code-point order of
 * their names, as data/demo-report.ts reads them. The wall's first visit and "load demo" load
 * this file; the raw exports in data/demo/ stay the import tests. `npm run demo:generate`
 * rewrites it after the exports; test/unit/data/demo-canonical.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { canonicalChunks } from '../src/import/canonical-read'
import { importFile } from '../src/import/import-file'
import { DATA_DIR, DEMO_DIR, demoFileNames } from './demo-report'

export const DEMO_CANONICAL = join(DATA_DIR, 'demo.servicewall')

/** The bytes of data/demo.servicewall as the exports in data/demo/ give them today. */
export async function demoCanonical(): Promise<Uint8Array> {
  const imported = []
  for (const name of demoFileNames()) imported.push(await importFile(new Uint8Array(readFileSync(join(DEMO_DIR, name))), name))
  const failed = imported.filter(f => f.report.error)
  if (failed.length) throw new Error(`demo files that do not import: ${failed.map(f => `${f.report.file}: ${f.report.error}`).join('; ')}`)
  return Buffer.concat(canonicalChunks(imported))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DEMO_CANONICAL, await demoCanonical())
  console.log(`wrote ${DEMO_CANONICAL}`)
}
