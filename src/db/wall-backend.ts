import type { ConfigOverrides } from '../core/config-merge'
import type { ImportedFile } from '../core/dataset'
import type { Filters } from '../core/filters'
import type { ImportReport, KpiReport } from '../core/report-types'
import type { Mapping } from '../core/schema'
import type { FilterOptions, WallExtras } from '../core/wall-types'
import type { Inspection } from '../import/inspect'
import type { LoadProgress } from '../import/worker-protocol'
import demoConfig from '../../data/demo-config.json'
import { mergeConfig } from '../core/config-merge'
import { Dataset } from '../core/dataset'
import { computeReport, loadedAsOf } from '../core/report'
import { computeWallExtras, filterOptions } from '../core/wall'
import { createBrowserEngine } from './browser-engine'
import { ImportClient } from './import-client'

export type { Inspection, LoadProgress }

export interface PendingFile {
  file: File
  vendor?: string
  mapping?: Mapping
}

/** Called with each file after parsing, before DuckDB takes its bytes (to store them). */
export type KeepImported = (file: PendingFile, imported: ImportedFile) => Promise<void>

export interface WallBackend {
  inspect: (file: File, mapping?: Mapping) => Promise<Inspection>
  /** Appends files, in order (a later file wins a duplicate ticket). */
  load: (files: PendingFile[], onProgress: (p: LoadProgress) => void, keep?: KeepImported) => Promise<ImportReport>
  /** Parses a file without loading it: a refresh parses every changed file before it swaps the data. */
  parse: (file: PendingFile) => Promise<ImportedFile>
  /** Replaces what is loaded with these parsed files and config, in one go (restore, refresh). */
  replace: (files: ImportedFile[], overrides: ConfigOverrides) => Promise<ImportReport>
  /** The config overrides in effect, stored with the data so a restore gives the same numbers. */
  overrides: () => ConfigOverrides
  /** Replaces what is loaded with the embedded demo data. */
  loadDemo: () => Promise<ImportReport>
  clear: () => Promise<void>
  configure: (overrides: ConfigOverrides) => Promise<void>
  report: (filters: Filters) => Promise<KpiReport>
  extras: (filters: Filters) => Promise<WallExtras>
  options: () => Promise<FilterOptions>
  importReport: () => ImportReport
  /** Bytes DuckDB holds (duckdb_memory()): the storage dialog shows it, the soak test watches it. */
  memory: () => Promise<number>
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
  let overrides: ConfigOverrides = {}
  let config = mergeConfig(overrides)
  const dataset = await Dataset.open(engine, config)

  async function load(files: PendingFile[], onProgress: (p: LoadProgress) => void, keep?: KeepImported): Promise<ImportReport> {
    // Files are parsed one after another: memory stays at one file's worth on top of DuckDB.
    for (const f of files) {
      const imported = await importer.import(f.file, { vendor: f.vendor, mapping: f.mapping }, onProgress)
      onProgress({ file: f.file.name, phase: 'loading', bytesRead: f.file.size, bytesTotal: f.file.size, rows: imported.report.rows })
      await keep?.(f, imported)
      await dataset.add([imported])
      onProgress({ file: f.file.name, phase: imported.report.error ? 'error' : 'done', bytesRead: f.file.size, bytesTotal: f.file.size, rows: imported.report.loaded })
    }
    return dataset.importReport()
  }

  return {
    inspect: (file, mapping) => importer.inspect(file, mapping),
    load,
    parse: f => importer.import(f.file, { vendor: f.vendor, mapping: f.mapping }, () => {}),
    async replace(files, o) {
      await dataset.clear()
      overrides = structuredClone(o)
      config = mergeConfig(overrides)
      await dataset.setConfig(config)
      await dataset.add(files)
      return dataset.importReport()
    },
    overrides: () => overrides,
    async loadDemo() {
      await dataset.clear()
      overrides = demoConfig
      config = mergeConfig(demoConfig)
      await dataset.setConfig(config)
      return load((await demoFiles()).map(file => ({ file })), () => {})
    },
    clear: () => dataset.clear(),
    async configure(o) {
      overrides = { ...overrides, ...o }
      config = mergeConfig(o, config)
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
    importReport: () => dataset.importReport(),
    async memory() {
      const [r] = await engine.query<{ b: number }>('SELECT COALESCE(sum(memory_usage_bytes), 0)::DOUBLE AS b FROM duckdb_memory()')
      return r?.b ?? 0
    },
  }
}
