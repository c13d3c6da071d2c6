/**
 * The demo's expected report (data/demo-report.json): what `servicewall report --format json
 * --config data/demo-config.json data/demo/*` prints, files in code-point order of their names.
 * Regenerate with `npm run demo:report` after a deliberate change, and say why in the commit.
 */
import type { Filters } from '../src/core/filters'
import type { KpiReport } from '../src/core/report-types'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mergeConfig } from '../src/core/config-merge'
import { Dataset } from '../src/core/dataset'
import { computeReport } from '../src/core/report'
import { createNodeEngine } from '../src/db/node-engine'
import { importFile } from '../src/import/import-file'

export const DATA_DIR = dirname(fileURLToPath(import.meta.url))
export const DEMO_DIR = join(DATA_DIR, 'demo')
export const GOLDEN = join(DATA_DIR, 'demo-report.json')

export function demoFileNames(): string[] {
  return readdirSync(DEMO_DIR).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** `config`: the JSON a --config file holds (default: the demo's own, data/demo-config.json). */
export async function demoReport(filters: Filters = { from: null, to: null, vendors: [] }, configJson?: unknown): Promise<KpiReport> {
  const config = mergeConfig(configJson ?? JSON.parse(readFileSync(join(DATA_DIR, 'demo-config.json'), 'utf8')))
  const imported = []
  for (const name of demoFileNames()) imported.push(await importFile(new Uint8Array(readFileSync(join(DEMO_DIR, name))), name))
  const engine = await createNodeEngine()
  try {
    const ds = await Dataset.open(engine, config)
    await ds.add(imported)
    return await computeReport(engine, config, filters, ds.importReport())
  }
  finally {
    await engine.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GOLDEN, `${JSON.stringify(await demoReport(), null, 2)}\n`)
  console.log(`wrote ${GOLDEN}`)
}
