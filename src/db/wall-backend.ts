import type { ConfigOverrides } from '../core/config-merge'
import type { Filters } from '../core/filters'
import type { MonthlyReport, TicketListRow } from '../core/monthly-types'
import type { ImportReport, KpiReport } from '../core/report-types'
import type { Mapping } from '../core/schema'
import type { FilterOptions, WallExtras } from '../core/wall-types'
import type { Inspection } from '../import/inspect'
import type { LoadProgress } from '../import/worker-protocol'
import demoConfig from '../../data/demo-config.json'
import { mergeConfig } from '../core/config-merge'
import { Dataset } from '../core/dataset'
import { computeMonthly } from '../core/monthly'
import { computeReport, loadedAsOf } from '../core/report'
import { resolveFilters } from '../core/sql/filter-sql'
import { breachBoardQuery } from '../core/sql/ticket-lists'
import { computeWallExtras, filterOptions } from '../core/wall'
import { createBrowserEngine } from './browser-engine'
import { ImportClient } from './import-client'

export type { Inspection, LoadProgress }

export interface PendingFile {
  file: File
  vendor?: string
  mapping?: Mapping
}

export interface WallBackend {
  inspect: (file: File, mapping?: Mapping) => Promise<Inspection>
  /** Appends files, in order (a later file wins a duplicate ticket). */
  load: (files: PendingFile[], onProgress: (p: LoadProgress) => void) => Promise<ImportReport>
  /** The loaded file at this position of the import report, as it was given. */
  source: (index: number) => PendingFile | null
  /** Imports the file at this position again with another column mapping, in its place. */
  remap: (index: number, mapping: Mapping) => Promise<ImportReport>
  /** Replaces what is loaded with the embedded demo data. */
  loadDemo: () => Promise<ImportReport>
  clear: () => Promise<void>
  configure: (overrides: ConfigOverrides) => Promise<void>
  report: (filters: Filters) => Promise<KpiReport>
  extras: (filters: Filters) => Promise<WallExtras>
  options: () => Promise<FilterOptions>
  /** The monthly report of `month` under the other filters. */
  monthly: (filters: Filters, month: string) => Promise<MonthlyReport>
  /** The SLA breach board's rows (src/core/sql/ticket-lists.ts). */
  breaches: (filters: Filters, limit: number) => Promise<TicketListRow[]>
  importReport: () => ImportReport
}

// The demo exports are bundled as same-origin assets (data/demo), never fetched from elsewhere.
const DEMO_FILES = import.meta.glob('../../data/demo/*.{csv,xlsx,parquet}', { query: '?url', import: 'default', eager: true }) as Record<string, string>

async function demoFiles(): Promise<File[]> {
  const entries = Object.entries(DEMO_FILES).sort(([a], [b]) => a.localeCompare(b))
  return Promise.all(entries.map(async ([path, url]) => {
    const blob = await (await fetch(url)).blob()
    return new File([blob], decodeURIComponent(path.split('/').pop() ?? 'demo'))
  }))
}

export async function createWallBackend(): Promise<WallBackend> {
  const engine = await createBrowserEngine()
  const importer = new ImportClient()
  let config = mergeConfig({})
  const dataset = await Dataset.open(engine, config)
  /** The files as given, in the data set's order (the import report's), for a mapping applied later. */
  let sources: PendingFile[] = []

  async function load(files: PendingFile[], onProgress: (p: LoadProgress) => void): Promise<ImportReport> {
    // Files are parsed one after another: memory stays at one file's worth on top of DuckDB.
    for (const f of files) {
      const imported = await importer.import(f.file, { vendor: f.vendor, mapping: f.mapping }, onProgress)
      onProgress({ file: f.file.name, phase: 'loading', bytesRead: f.file.size, bytesTotal: f.file.size, rows: imported.report.rows })
      await dataset.add([imported])
      sources.push(f)
      onProgress({ file: f.file.name, phase: imported.report.error ? 'error' : 'done', bytesRead: f.file.size, bytesTotal: f.file.size, rows: imported.report.loaded })
    }
    return dataset.importReport()
  }

  return {
    inspect: (file, mapping) => importer.inspect(file, mapping),
    load,
    source: index => sources[index] ?? null,
    async remap(index, mapping) {
      const src = sources[index]
      if (!src) throw new RangeError(`no file ${index} is loaded`)
      const next = { ...src, mapping }
      await dataset.replace(index, await importer.import(src.file, { vendor: src.vendor, mapping }, () => {}))
      sources[index] = next
      return dataset.importReport()
    },
    async loadDemo() {
      await dataset.clear()
      sources = []
      config = mergeConfig(demoConfig)
      await dataset.setConfig(config)
      return load((await demoFiles()).map(file => ({ file })), () => {})
    },
    async clear() {
      await dataset.clear()
      sources = []
    },
    async configure(overrides) {
      config = mergeConfig(overrides, config)
      await dataset.setConfig(config)
    },
    async report(filters) {
      return computeReport(engine, config, filters, dataset.importReport())
    },
    async extras(filters) {
      const asOf = await loadedAsOf(engine)
      return computeWallExtras(engine, filters, asOf.ms ?? 0)
    },
    options: () => filterOptions(engine),
    monthly: (filters, month) => computeMonthly(engine, config, filters, month, dataset.importReport()),
    async breaches(filters, limit) {
      const asOf = await loadedAsOf(engine)
      return engine.query<TicketListRow>(breachBoardQuery(await resolveFilters(engine, filters), asOf.ms ?? 0, limit))
    },
    importReport: () => dataset.importReport(),
  }
}
