import type { KpiConfig } from '../core/config'
import type { ImportedFile, RestartInfo } from '../core/dataset'
import type { Filters } from '../core/filters'
import type { MonthlyReport, TicketListRow } from '../core/monthly-types'
import type { ImportReport, KpiReport } from '../core/report-types'
import type { Mapping } from '../core/schema'
import type { WallAnswer } from '../core/wall-batch'
import type { FilterOptions, WallExtras } from '../core/wall-types'
import type { Inspection } from '../import/inspect'
import type { LoadProgress } from '../import/worker-protocol'
import demoConfig from '../../data/demo-config.json'
import demoUrl from '../../data/demo.servicewall?url'
import demoSnapshotUrl from '../../data/demo.snapshot?url'
import { DEFAULT_CONFIG } from '../core/config'
import { withDemoSettings } from '../core/config-demo'
import { Dataset, hasRows } from '../core/dataset'
import { computeMonthly } from '../core/monthly'
import { computeReport, loadedAsOf } from '../core/report'
import { resolveFilters } from '../core/sql/filter-sql'
import { breachBoardQuery } from '../core/sql/ticket-lists'
import { computeWallExtras, filterOptions } from '../core/wall'
import { computeWall } from '../core/wall-batch'
import { prepareBuckets } from '../core/wall-quantiles'
import { convertedInspection, readCanonicalFile } from '../import/canonical-read'
import { dropImportLeftovers } from '../import/engine-csv'
import { failedImport } from '../import/import-file'
import { takeEngine } from './engine-boot'
import { ImportClient } from './import-client'

export type { Inspection, LoadProgress, RestartInfo }

export interface PendingFile {
  file: File
  vendor?: string
  mapping?: Mapping
}

/**
 * What the storage keeps of a file the engine imported: called, it writes the file's canonical
 * tickets out of the engine's table (src/core/dataset.ts); null when the data set no longer holds
 * the file. The caller chooses when: the wall shows the data first.
 */
export type StorableLater = <T>(put: (file: ImportedFile, parts?: () => AsyncIterable<Uint8Array>) => Promise<T>) => Promise<T | null>

/**
 * Called with each file of a load, in the data set's order, to store it: a parsed file before
 * DuckDB takes its bytes, a file the engine imported (no bytes) as StorableLater after it is loaded.
 */
export type KeepImported = (file: PendingFile, imported: ImportedFile | StorableLater) => Promise<void>

export interface WallBackend {
  inspect: (file: File, mapping?: Mapping) => Promise<Inspection>
  /**
   * Appends files, in order (a later file wins a duplicate ticket). `keep` stores each parsed
   * file; `replace`: the first file that loads replaces what is loaded, in one step.
   */
  load: (files: PendingFile[], onProgress: (p: LoadProgress) => void, opts?: { keep?: KeepImported, replace?: boolean }) => Promise<ImportReport>
  /** Parses a file without loading it: a refresh parses every changed file before it swaps the data. */
  parse: (file: PendingFile) => Promise<ImportedFile>
  /**
   * Replaces what is loaded with these parsed files, in one go (restore, refresh); the user's config stays.
   * `snapshot`: the built tables snapshot() gave for these files, put back instead of a build when it is of this build.
   */
  replace: (files: ImportedFile[], snapshot?: Uint8Array) => Promise<ImportReport>
  /** The built tables as one file, for the storage to keep beside the files (src/core/snapshot.ts); null for the demo or tables that came from a snapshot. */
  snapshot?: () => Promise<Uint8Array[] | null>
  /** Work a later filter change would otherwise wait for (the quantile buckets, src/core/wall-quantiles.ts), done while the wall is idle. */
  prepare?: () => Promise<void>
  /** Adds parsed files to what is loaded (row groups of a data set at a URL, src/stores/remote.ts). */
  append: (files: ImportedFile[]) => Promise<ImportReport>
  /** The user's config in effect, stored with the data for the record. */
  overrides: () => KpiConfig
  /** The loaded file at this position of the import report, as it was given in this session (null after a restore). */
  source: (index: number) => PendingFile | null
  /** Puts a file parsed again (with another column mapping) in the place of the file at this position. */
  replaceFile: (index: number, file: PendingFile, imported: ImportedFile) => Promise<ImportReport>
  /** Replaces what is loaded with the embedded demo data. */
  loadDemo: () => Promise<ImportReport>
  clear: () => Promise<void>
  /** The user's config (validated); while the demo is shown, the demo's settings fill in its defaults. */
  configure: (config: KpiConfig) => Promise<void>
  report: (filters: Filters) => Promise<KpiReport>
  /** The report under a draft config, leaving the current one in force afterwards. */
  preview: (config: KpiConfig, filters: Filters) => Promise<KpiReport>
  extras: (filters: Filters) => Promise<WallExtras>
  /** One filter change of the wall in one batch: the report, the trend months and the extras (src/core/wall-batch.ts). */
  wall?: (filters: Filters) => Promise<WallAnswer>
  options: () => Promise<FilterOptions>
  /** The monthly report of `month` under the other filters. */
  monthly: (filters: Filters, month: string) => Promise<MonthlyReport>
  /** The SLA breach board's rows (src/core/sql/ticket-lists.ts). */
  breaches: (filters: Filters, limit: number) => Promise<TicketListRow[]>
  importReport: () => ImportReport
  /** Bytes DuckDB holds (duckdb_memory()): the storage dialog shows it, the soak test watches it. */
  memory: () => Promise<number>
  /**
   * After the DuckDB worker crashed or was terminated: the engine restarted empty, and
   * `lostFiles` were loaded before (storage can bring them back; otherwise import again).
   */
  onRestart: (listener: (info: RestartInfo) => void) => void
  /** Where the loaded files come back from after a crash (the browser's storage); null: nothing to bring back. */
  setRestorer: (restorer: () => Promise<ImportedFile[] | null>) => void
}

// The demo's canonical tickets in the fast reload format (data/demo-canonical.ts), bundled as a
// same-origin asset and never fetched from elsewhere; the raw exports in data/demo are the import tests.
async function demoFiles(): Promise<ImportedFile[]> {
  const blob = await (await fetch(demoUrl)).blob()
  const files = await readCanonicalFile(new File([blob], 'demo.servicewall'))
  if (!files) throw new Error('the bundled demo is not a servicewall converted file')
  return files
}

/** The demo's built tables (data/demo-snapshot.ts): a first visit puts them back instead of building; without them it builds. */
async function demoSnapshot(): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await (await fetch(demoSnapshotUrl)).arrayBuffer())
  }
  catch {
    return undefined
  }
}

/** The parts of a config the build depends on (tickets-table.ts); anything else only changes the KPI query. */
function buildKey(c: KpiConfig): string {
  return JSON.stringify([c.slaTargetsMin, c.calendars, c.businessHours, c.recurrenceDays])
}

export async function createWallBackend(): Promise<WallBackend> {
  const engine = await takeEngine()
  // The import worker starts with the first file: a visit that never imports never pays for it.
  // A dropped CSV is imported in the engine, the worker deciding from samples (src/import/engine-import.ts).
  const importer = new ImportClient(undefined, engine)
  let user: KpiConfig = DEFAULT_CONFIG
  let demo = false
  let config = DEFAULT_CONFIG
  const dataset = await Dataset.open(engine, config, { deferBuild: true })
  /** The files as given, in the data set's order (the import report's), for a mapping applied later. */
  let sources: (PendingFile | null)[] = []
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


  /** A file the worker could not read (or that took the worker down) is a report line, not a failed batch. */
  async function importOne(f: PendingFile, onProgress: (p: LoadProgress) => void): Promise<ImportedFile> {
    try {
      return await importer.import(f.file, { vendor: f.vendor, mapping: f.mapping, inEngine: true }, onProgress)
    }
    catch (e) {
      // A worker that died in an engine import leaves its work tables behind: imports run one at a time, so they are its.
      await dropImportLeftovers(engine)
      return failedImport(f.file.name, e instanceof Error ? e.message : String(e))
    }
  }

  /** The files of `group` the engine imported, the last files of the data set now, to the storage as StorableLater. */
  async function keepLater(f: PendingFile, group: ImportedFile[], keep: KeepImported): Promise<void> {
    const first = dataset.fileCount - group.length
    for (const [k, imported] of group.entries()) {
      const staged = dataset.fileAt(first + k)
      // One DuckDB did not take has no table left: its report line is kept as it is.
      if (imported.table && staged) await keep(f, staged.table ? put => dataset.storable(staged, put) : staged)
    }
  }

  async function load(files: PendingFile[], onProgress: (p: LoadProgress) => void, opts: { keep?: KeepImported, replace?: boolean } = {}): Promise<ImportReport> {
    // Files are parsed one after another: memory stays at one file's worth on top of DuckDB.
    // Replacing waits for the first file that loads: files that fail before it do not blank the wall.
    let held: ImportedFile[] | null = opts.replace ? [] : null
    const heldSources: (PendingFile | null)[] = []
    for (const [i, f] of files.entries()) {
      // A converted file (servicewall convert) is one or more files, loaded in one step; an export is one.
      const converted = await readCanonicalFile(f.file)
      const group = converted ?? [await importOne(f, onProgress)]
      const rows = group.reduce((n, g) => n + g.report.rows, 0)
      onProgress({ file: f.file.name, phase: 'loading', bytesRead: f.file.size, bytesTotal: f.file.size, rows })
      // Bytes are kept before DuckDB takes them; a table of the engine after it is staged (keepLater).
      for (const imported of group) if (!imported.table) await opts.keep?.(f, imported)
      // A converted file's columns were settled when it was converted: it has no source to map again.
      const given = group.map(() => (converted ? null : f))
      if (held && !group.some(hasRows) && i < files.length - 1) {
        held.push(...group)
        heldSources.push(...given)
        onProgress({ file: f.file.name, phase: 'error', bytesRead: f.file.size, bytesTotal: f.file.size, rows: 0 })
        continue
      }
      if (held) {
        // What it replaces may be the demo: from now on the user's settings alone are in force.
        demo = false
        config = effective()
        await dataset.replace([...held, ...group], config)
        sources = [...heldSources, ...given]
      }
      else {
        await dataset.add(group)
        sources.push(...given)
      }
      held = null
      if (opts.keep) await keepLater(f, group, opts.keep)
      const loaded = dataset.importReport().files.slice(-group.length)
      const phase = loaded.every(r => r.error) ? 'error' : 'done'
      onProgress({ file: f.file.name, phase, bytesRead: f.file.size, bytesTotal: f.file.size, rows: loaded.reduce((n, r) => n + r.loaded, 0) })
    }
    // The import worker's memory goes with it; the next file starts a new one.
    importer.release()
    return dataset.importReport()
  }

  return {
    inspect: async (file, mapping) => (await convertedInspection(file)) ?? importer.inspect(file, mapping),
    load,
    source: index => sources[index] ?? null,
    replaceFile: (index, file, imported) => serial(async () => {
      await dataset.replaceAt(index, imported)
      sources[index] = file
      return dataset.importReport()
    }),
    parse: f => importer.import(f.file, { vendor: f.vendor, mapping: f.mapping }, () => {}),
    replace: (files, snapshot) => serial(async () => {
      demo = false
      config = effective()
      // One step: a report during it sees the old data or the new, never an empty wall.
      await dataset.replace(files, config, snapshot)
      sources = []
      return dataset.importReport()
    }),
    append: files => serial(async () => {
      await dataset.add(files)
      return dataset.importReport()
    }),
    overrides: () => user,
    snapshot: () => serial(async () => (demo ? null : dataset.snapshot())),
    prepare: () => serial(() => dataset.run(() => prepareBuckets(engine))),
    async loadDemo() {
      const [imported, snapshot] = await Promise.all([demoFiles(), demoSnapshot()])
      demo = true
      config = effective()
      // One step: a report during it sees the old data or the demo, never an empty wall.
      await dataset.replace(imported, config, snapshot)
      sources = []
      return dataset.importReport()
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
    report: filters => serial(() => dataset.run(() => computeReport(engine, config, filters, dataset.importReport()))),
    preview: (draft, filters) => serial(async () => {
      const current = config
      const next = demo ? withDemoSettings(draft, demoConfig) : draft
      if (buildKey(next) === buildKey(current)) return dataset.run(() => computeReport(engine, next, filters, dataset.importReport()))
      // SLA targets, calendars, office hours and the recurrence window are part of the build.
      await dataset.setConfig(next)
      try {
        return await dataset.run(() => computeReport(engine, next, filters, dataset.importReport()))
      }
      finally {
        await dataset.setConfig(current)
      }
    }),
    extras: filters => serial(() => dataset.run(async () => computeWallExtras(engine, filters, (await loadedAsOf(engine)).ms ?? 0))),
    wall: filters => serial(() => dataset.run(() => computeWall(engine, config, filters, dataset.importReport()))),
    options: () => dataset.run(() => filterOptions(engine)),
    monthly: (filters, month) => serial(() => dataset.run(() => computeMonthly(engine, config, filters, month, dataset.importReport()))),
    breaches: (filters, limit) => dataset.run(async () => {
      const asOf = await loadedAsOf(engine)
      return engine.query<TicketListRow>(breachBoardQuery(await resolveFilters(engine, filters), asOf.ms ?? 0, limit))
    }),
    importReport: () => dataset.importReport(),
    onRestart: listener => dataset.onRestart(listener),
    setRestorer: restorer => dataset.setRestorer(restorer),
    async memory() {
      const [r] = await engine.query<{ b: number }>('SELECT COALESCE(sum(memory_usage_bytes), 0)::DOUBLE AS b FROM duckdb_memory()')
      return r?.b ?? 0
    },
  }
}
