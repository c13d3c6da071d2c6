import type { ConfigOverrides } from '../core/config-merge'
import type { ImportedFile, RestartInfo } from '../core/dataset'
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
import { failedImport } from '../import/import-file'
import { createBrowserEngine } from './browser-engine'
import { ImportClient } from './import-client'

export type { Inspection, LoadProgress, RestartInfo }

export interface PendingFile {
  file: File
  vendor?: string
  mapping?: Mapping
}

export interface WallBackend {
  inspect: (file: File, mapping?: Mapping) => Promise<Inspection>
  /** Appends files, in order (a later file wins a duplicate ticket); `replace`: the first file replaces what is loaded. */
  load: (files: PendingFile[], onProgress: (p: LoadProgress) => void, opts?: { replace?: boolean }) => Promise<ImportReport>
  /** Replaces what is loaded with the embedded demo data. */
  loadDemo: () => Promise<ImportReport>
  clear: () => Promise<void>
  configure: (overrides: ConfigOverrides) => Promise<void>
  report: (filters: Filters) => Promise<KpiReport>
  extras: (filters: Filters) => Promise<WallExtras>
  options: () => Promise<FilterOptions>
  importReport: () => ImportReport
  /**
   * After the DuckDB worker crashed or was terminated: the engine restarted empty, and
   * `lostFiles` were loaded before (storage can bring them back; otherwise import again).
   */
  onRestart: (listener: (info: RestartInfo) => void) => void
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
  const dataset = await Dataset.open(engine, mergeConfig({}))

  /** A file the worker could not read (or that took the worker down) is a report line, not a failed batch. */
  async function importOne(f: PendingFile, onProgress: (p: LoadProgress) => void): Promise<ImportedFile> {
    try {
      return await importer.import(f.file, { vendor: f.vendor, mapping: f.mapping }, onProgress)
    }
    catch (e) {
      return failedImport(f.file.name, e instanceof Error ? e.message : String(e))
    }
  }

  async function load(files: PendingFile[], onProgress: (p: LoadProgress) => void, opts: { replace?: boolean } = {}): Promise<ImportReport> {
    // Files are parsed one after another: memory stays at one file's worth on top of DuckDB.
    // Replacing waits for the first file that loads: files that fail before it do not blank the wall.
    let held: ImportedFile[] | null = opts.replace ? [] : null
    for (const [i, f] of files.entries()) {
      const imported = await importOne(f, onProgress)
      onProgress({ file: f.file.name, phase: 'loading', bytesRead: f.file.size, bytesTotal: f.file.size, rows: imported.report.rows })
      if (held && !imported.ipc && i < files.length - 1) {
        held.push(imported)
        onProgress({ file: f.file.name, phase: 'error', bytesRead: f.file.size, bytesTotal: f.file.size, rows: 0 })
        continue
      }
      await (held ? dataset.replace([...held, imported], dataset.kpiConfig) : dataset.add([imported]))
      held = null
      const loaded = dataset.importReport().files.at(-1)
      onProgress({ file: f.file.name, phase: loaded?.error ? 'error' : 'done', bytesRead: f.file.size, bytesTotal: f.file.size, rows: loaded?.loaded ?? 0 })
    }
    return dataset.importReport()
  }

  return {
    inspect: (file, mapping) => importer.inspect(file, mapping),
    load,
    async loadDemo() {
      const imported = []
      for (const file of await demoFiles()) imported.push(await importOne({ file }, () => {}))
      // One step: a report during it sees the old data or the demo, never an empty wall.
      await dataset.replace(imported, mergeConfig(demoConfig))
      return dataset.importReport()
    },
    clear: () => dataset.clear(),
    async configure(overrides) {
      await dataset.setConfig(mergeConfig(overrides, dataset.kpiConfig))
    },
    report: filters => dataset.run(() => computeReport(engine, dataset.kpiConfig, filters, dataset.importReport())),
    extras: filters => dataset.run(async () => computeWallExtras(engine, filters, (await loadedAsOf(engine)).ms ?? 0)),
    options: () => dataset.run(() => filterOptions(engine)),
    importReport: () => dataset.importReport(),
    onRestart: listener => dataset.onRestart(listener),
  }
}
