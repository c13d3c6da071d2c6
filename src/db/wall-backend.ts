import type { KpiConfig } from '../core/config'
import type { Filters } from '../core/filters'
import type { MonthlyReport, TicketListRow } from '../core/monthly-types'
import type { ImportReport, KpiReport } from '../core/report-types'
import type { Mapping } from '../core/schema'
import type { FilterOptions, WallExtras } from '../core/wall-types'
import type { Inspection } from '../import/inspect'
import type { LoadProgress } from '../import/worker-protocol'
import demoConfig from '../../data/demo-config.json'
import { DEFAULT_CONFIG } from '../core/config'
import { withDemoSettings } from '../core/config-demo'
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
  /** The user's config (validated); while the demo is shown, the demo's settings fill in its defaults. */
  configure: (config: KpiConfig) => Promise<void>
  report: (filters: Filters) => Promise<KpiReport>
  /** The report under a draft config, leaving the current one in force afterwards. */
  preview: (config: KpiConfig, filters: Filters) => Promise<KpiReport>
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

/** The parts of a config the build depends on (tickets-table.ts); anything else only changes the KPI query. */
function buildKey(c: KpiConfig): string {
  return JSON.stringify([c.slaTargetsMin, c.calendars, c.businessHours, c.recurrenceDays])
}

export async function createWallBackend(): Promise<WallBackend> {
  const engine = await createBrowserEngine()
  const importer = new ImportClient()
  let user: KpiConfig = DEFAULT_CONFIG
  let demo = false
  let config = DEFAULT_CONFIG
  const dataset = await Dataset.open(engine, config)
  /** The files as given, in the data set's order (the import report's), for a mapping applied later. */
  let sources: PendingFile[] = []
  const effective = () => (demo ? withDemoSettings(user, demoConfig) : user)
  // A preview may rebuild the tables with a draft and back: nothing else may read them meanwhile.
  let queue: Promise<unknown> = Promise.resolve()
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn)
    queue = run.catch(() => {})
    return run
  }
  async function apply(next: KpiConfig): Promise<void> {
    const rebuild = buildKey(next) !== buildKey(config)
    config = next
    if (rebuild) await dataset.setConfig(config)
  }

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
      demo = true
      await apply(effective())
      return load((await demoFiles()).map(file => ({ file })), () => {})
    },
    async clear() {
      demo = false
      await apply(effective())
      await dataset.clear()
      sources = []
    },
    configure: next => serial(async () => {
      user = next
      await apply(effective())
    }),
    report: filters => serial(() => computeReport(engine, config, filters, dataset.importReport())),
    preview: (draft, filters) => serial(async () => {
      const current = config
      const next = demo ? withDemoSettings(draft, demoConfig) : draft
      if (buildKey(next) === buildKey(current)) return computeReport(engine, next, filters, dataset.importReport())
      // SLA targets, calendars, office hours and the recurrence window are part of the build.
      await dataset.setConfig(next)
      try {
        return await computeReport(engine, next, filters, dataset.importReport())
      }
      finally {
        await dataset.setConfig(current)
      }
    }),
    extras: filters => serial(async () => computeWallExtras(engine, filters, (await loadedAsOf(engine)).ms ?? 0)),
    options: () => filterOptions(engine),
    monthly: (filters, month) => computeMonthly(engine, config, filters, month, dataset.importReport()),
    async breaches(filters, limit) {
      const asOf = await loadedAsOf(engine)
      return engine.query<TicketListRow>(breachBoardQuery(await resolveFilters(engine, filters), asOf.ms ?? 0, limit))
    },
    importReport: () => dataset.importReport(),
  }
}
