import type { KpiConfig } from '../../../src/core/config'
import type { ImportedFile } from '../../../src/core/dataset'
import type { Engine } from '../../../src/core/engine'
import type { Filters } from '../../../src/core/filters'
import type { KpiReport } from '../../../src/core/report-types'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'

let shared: Promise<Engine> | null = null

/** One DuckDB-wasm instance per test file; each scenario starts from empty tables. */
export function engine(): Promise<Engine> {
  shared ??= createNodeEngine()
  return shared
}

export async function reportFor(files: ImportedFile[], opts: { config?: Partial<KpiConfig>, filters?: Filters, asOf?: string } = {}): Promise<KpiReport> {
  const e = await engine()
  for (const t of ['tickets', 'raw_tickets', 'import_files', 'training']) await e.exec(`DROP TABLE IF EXISTS ${t}`)
  const ds = await Dataset.open(e, { ...DEFAULT_CONFIG, ...opts.config })
  await ds.add(files)
  const asOf = opts.asOf ? { text: opts.asOf, ms: Date.parse(`${opts.asOf.replace(' ', 'T')}Z`) } : undefined
  return ds.run(() => computeReport(e, { ...DEFAULT_CONFIG, ...opts.config }, opts.filters ?? {}, ds.importReport(), asOf))
}
