import type { ImportedFile } from '../../../src/core/dataset'
import type { Engine } from '../../../src/core/engine'
import type { Filters } from '../../../src/core/filters'
import type { KpiReport } from '../../../src/core/report-types'
import { mergeConfig } from '../../../src/core/config-merge'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'

let shared: Promise<Engine> | null = null

/** One DuckDB-wasm instance per test file; each scenario starts from empty tables. */
export function engine(): Promise<Engine> {
  shared ??= createNodeEngine()
  return shared
}

export async function reportFor(files: ImportedFile[], opts: { config?: object, filters?: Filters, asOf?: string } = {}): Promise<KpiReport> {
  const e = await engine()
  for (const t of ['tickets', 'raw_tickets', 'import_files', 'training']) await e.exec(`DROP TABLE IF EXISTS ${t}`)
  // Any config goes through the validation a config file does (a full KpiConfig is valid JSON form).
  const config = mergeConfig(opts.config ?? {})
  const ds = await Dataset.open(e, config)
  await ds.add(files)
  const asOf = opts.asOf ? { text: opts.asOf, ms: Date.parse(`${opts.asOf.replace(' ', 'T')}Z`) } : undefined
  return ds.run(() => computeReport(e, config, opts.filters ?? {}, ds.importReport(), asOf))
}
