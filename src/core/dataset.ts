import type { KpiConfig } from './config'
import type { Engine } from './engine'
import type { FileReport, ImportReport } from './report-types'
import type { KnownFlag, RejectedRow } from './schema'
import { OperationQueue } from './op-queue'
import type { Entry } from './staging'
import { notLoaded, stageFile, stagePending, unstageFile } from './staging'
import { calendarPlan, calendarTableStatements } from './sql/calendar-sql'
import type { UsableSnapshot } from './snapshot'
import { putBack, snapshotSignature, takeSnapshot, usableSnapshot } from './snapshot'
import { tableIpcChunks } from './ipc-parts'
import { UPDATE_ROWS_SQL } from './sql/update-rows'
import { buildLeftoversSql, buildTicketsSteps, DUPLICATES_SQL, STAGED_TABLES_SQL, stagedTable, stagedViewSql, STAGING_DDL, swapSql } from './sql/tickets-table'

/** One file after the import stage, ready for the database: Arrow IPC bytes plus its report lines. */
export interface ImportedFile {
  report: FileReport
  rejected: RejectedRow[]
  kind: 'tickets' | 'training' | null
  /** Arrow IPC stream of canonical tickets or training records; null when the file failed. */
  ipc: Uint8Array | null
  /**
   * The engine import (src/import/engine-import.ts) leaves the canonical tickets in this table of
   * the engine instead of IPC bytes: staging renames it. Absent or null for the JS import.
   */
  table?: string | null
  known: Record<KnownFlag, boolean> | null
}

/** What a restart of the database lost: the files that were loaded (they must come back from storage or be imported again). */
export interface RestartInfo {
  lostFiles: string[]
}

/** 'CREATE TABLE tickets AS …' → 'tickets'. */
function stepName(sql: string): string {
  return /^CREATE (?:TEMP )?(?:TABLE|TYPE) (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30)
}

/** The file has canonical rows to stage: IPC bytes (JS import, storage) or a table in the engine (engine import). */
export function hasRows(f: ImportedFile): boolean {
  return f.ipc !== null || (f.table ?? null) !== null
}

/**
 * The loaded files in DuckDB. Files keep the order they were added in: a later file's
 * row wins over an earlier one with the same vendor and ticket_id.
 *
 * Every public operation runs through one queue (a load, a config change, a report via
 * `run`). A rebuild writes new tables beside the old ones and swaps them in at the end
 * in one short transaction: a failure leaves the previous tables answering. (One
 * transaction around the whole build was tried: DuckDB 1.32's ASOF join over a table
 * made in the same transaction was quadratic, 47 s instead of 1 s at 100 k tickets.)
 */
export class Dataset {
  private entries: Entry[] = []
  private nextIdx = 0
  private duplicates = new Map<number, number>()
  private updates = new Map<number, number>()
  private readonly queue = new OperationQueue()
  private instance = 0
  private readonly restartListeners: ((info: RestartInfo) => void)[] = []
  private restorer: (() => Promise<ImportedFile[] | null>) | null = null
  /** The derived tables exist (false after a deferred open, until the first build). */
  private built = false
  /** The derived tables came from a snapshot, not from a build. */
  private restored = false
  /** The storage has these derived tables already: put back from a snapshot, or snapshot() taken of them since the build. */
  private kept = false

  constructor(private readonly engine: Engine, private config: KpiConfig) {}

  /**
   * `deferBuild`: the (empty) tables are built by the first operation that reads them, not
   * now. The wall opens its data set and loads the stored data or the demo at once: that
   * load builds, and an empty build before it would be thrown away.
   */
  static async open(engine: Engine, config: KpiConfig, opts: { deferBuild?: boolean } = {}): Promise<Dataset> {
    const ds = new Dataset(engine, config)
    ds.instance = (await engine.instance?.()) ?? 0
    await ds.init(!opts.deferBuild)
    return ds
  }

  private async init(build = true): Promise<void> {
    for (const sql of STAGING_DDL) await this.engine.exec(sql)
    for (const t of ['import_files', 'training']) await this.engine.exec(`DELETE FROM ${t}`)
    await this.dropStaged()
    this.built = false
    if (build) await this.rebuild()
  }

  /** The config of the loaded tables (a report must use the same). */
  get kpiConfig(): KpiConfig {
    return this.config
  }

  get fileCount(): number {
    return this.entries.length
  }

  /** The file at `position` as the data set holds it (a staged table's name in place of the import's): storable() takes it. */
  fileAt(position: number): ImportedFile | undefined {
    return this.entries[position]?.file
  }

  /** Runs `job` as one operation: never while a load, a config change or another job runs. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return this.operation(async () => {
      if (!this.built) await this.rebuild()
      return job()
    })
  }

  /** One operation that builds the tables itself (or needs none): a load, a config change. */
  private operation<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.followRestart()
      return job()
    })
  }

  /** Called after the engine came back empty from a crash, with the files it lost (none when the restorer brought them back). */
  onRestart(listener: (info: RestartInfo) => void): void {
    this.restartListeners.push(listener)
  }

  /**
   * Where the files come back from after a crash (the browser's storage). They are staged in
   * the same operation that notices the restart, so no load or report can come in between.
   */
  setRestorer(restorer: () => Promise<ImportedFile[] | null>): void {
    this.restorer = restorer
  }

  private async followRestart(): Promise<void> {
    const now = (await this.engine.instance?.()) ?? 0
    if (now === this.instance) return
    this.instance = now
    let lostFiles = this.entries.flatMap(e => (hasRows(e.file) && e.file.kind ? [e.file.report.file] : []))
    this.entries = []
    this.duplicates = new Map()
    this.updates = new Map()
    await this.init()
    const files = lostFiles.length ? await this.restorer?.().catch(() => null) ?? null : null
    if (files?.length) {
      await this.swapEntries(async () => {
        const next: Entry[] = []
        for (const file of files) next.push(await this.stage(file))
        return next
      }, this.config).then(() => (lostFiles = []), () => undefined)
    }
    for (const listener of this.restartListeners) listener({ lostFiles })
  }

  /** Adds files in order, then rebuilds `tickets` once. A file the database cannot take is listed with the error. */
  add(files: ImportedFile[]): Promise<void> {
    return this.operation(async () => {
      const added: Entry[] = []
      for (const file of files) {
        const entry = await this.stage(file)
        this.entries.push(entry)
        if (hasRows(entry.file) && entry.file.kind) added.push(entry)
      }
      if (!added.length) return
      try {
        await this.rebuild()
      }
      catch (e) {
        // The previous tables still answer: take the new files' staging out again.
        for (const entry of added) {
          await this.unstage(entry.idx)
          entry.file = notLoaded(entry.file, e)
        }
      }
    })
  }

  /**
   * Replaces everything loaded (and the config) in one step: a report sees the old data or the new, never none.
   * `snapshot`: what snapshot() gave for these files; when it holds this build under `config`, its
   * tables are put back instead of building them (src/core/snapshot.ts). Otherwise, or when it
   * cannot be read, the data set builds as always.
   */
  replace(files: ImportedFile[], config: KpiConfig, snapshot?: Uint8Array): Promise<void> {
    return this.operation(() => {
      const snap = snapshot ? usableSnapshot(snapshot, files, config, this.entries.map(e => e.idx)) : null
      if (snap) this.nextIdx = Math.max(this.nextIdx, ...snap.header.fileIdx.map(i => i + 1))
      return this.swapEntries(async () => {
        const next: Entry[] = []
        for (const [i, file] of files.entries()) next.push(await this.stage(file, snap?.header.fileIdx[i], !!snap))
        return next
      }, config, snap)
    })
  }

  /**
   * The built tables as one file (src/core/snapshot.ts), for the browser's storage to keep
   * beside the files; null when the engine cannot write Arrow, nothing is loaded, or the storage
   * has these tables already (they came from a snapshot, or one was taken since they were built).
   */
  snapshot(): Promise<Uint8Array[] | null> {
    return this.run(async () => {
      if (this.kept || !this.entries.some(e => hasRows(e.file) && e.file.kind === 'tickets')) return null
      const snapshot = await takeSnapshot(this.engine, snapshotSignature(this.config), this.entries, [...this.updates])
      this.kept = snapshot !== null
      return snapshot
    })
  }

  /**
   * Hands `file` (as fileAt gave it) to `put`, which stores it with its canonical rows as IPC.
   * A file the engine import staged from its table has no bytes: `put` gets `parts` too, the
   * IPC stream DuckDB writes out of the staging table part by part (ipc-parts.ts) while it is
   * read, again on each call (a store that fails over to another writes it again). `put` runs
   * under the data set's lock, so the table stays as it is until it is written. Null when the
   * data set no longer holds that file (replaced, mapped again, cleared).
   */
  storable<T>(file: ImportedFile, put: (file: ImportedFile, parts?: () => AsyncIterable<Uint8Array>) => Promise<T>): Promise<T | null> {
    return this.operation(async () => {
      const e = this.entries.find(x => x.file === file)
      if (e === undefined) return null
      if (!e.file.table || e.pending) return put(e.file)
      if (!this.engine.exportIPC) throw new Error('this engine cannot write Arrow: the file cannot be kept')
      const table = stagedTable(e.idx)
      return put({ ...e.file, table: null }, () => tableIpcChunks(this.engine, table))
    })
  }

  /**
   * Puts a file parsed again (another column mapping) in the place of the file at `position`,
   * keeping the load order: it takes the same staging number, so it still wins over the files
   * before it and loses to the ones after. The old staging goes first (DuckDB-wasm detaches a
   * staged file's bytes, so it cannot be staged again): a failure leaves that file with its
   * error line and every other file loaded.
   */
  replaceAt(position: number, file: ImportedFile): Promise<void> {
    return this.operation(async () => {
      const old = this.entries[position]
      if (old === undefined) throw new RangeError(`no file ${position} in the data set`)
      await this.unstage(old.idx)
      const entry = await this.stage(file, old.idx)
      this.entries = this.entries.map((e, i) => (i === position ? entry : e))
      try {
        await this.rebuild()
      }
      catch (e) {
        await this.unstage(entry.idx)
        entry.file = notLoaded(entry.file, e)
        await this.rebuild()
      }
    })
  }

  setConfig(config: KpiConfig): Promise<void> {
    return this.operation(async () => {
      const old = this.config
      this.config = config
      try {
        await this.rebuild()
      }
      catch (e) {
        this.config = old
        throw e
      }
    })
  }

  clear(): Promise<void> {
    return this.operation(() => this.swapEntries(async () => [], this.config))
  }

  /** Builds from `make()`'s entries instead of the current ones; on success the old staging goes, on failure the new. */
  private async swapEntries(make: () => Promise<Entry[]>, config: KpiConfig, snap: UsableSnapshot | null = null): Promise<void> {
    const [oldEntries, oldConfig] = [this.entries, this.config]
    let next: Entry[] = []
    try {
      next = await make()
      ;[this.entries, this.config] = [next, config]
      await this.rebuild(snap)
    }
    catch (e) {
      ;[this.entries, this.config] = [oldEntries, oldConfig]
      for (const entry of next) await this.unstage(entry.idx)
      throw e
    }
    for (const entry of oldEntries) await this.unstage(entry.idx)
  }

  private stage(file: ImportedFile, idx = this.nextIdx++, later = false): Promise<Entry> {
    return stageFile(this.engine, file, idx, later)
  }

  private stagePending(): Promise<void> {
    return stagePending(this.engine, this.entries)
  }

  private unstage(idx: number): Promise<void> {
    return unstageFile(this.engine, idx)
  }

  /** BEGIN … COMMIT; ROLLBACK and rethrow when `job` fails (DuckDB's DDL is transactional). */
  private async transaction(job: () => Promise<void>): Promise<void> {
    await this.engine.exec('BEGIN TRANSACTION')
    try {
      await job()
      await this.engine.exec('COMMIT')
    }
    catch (e) {
      await this.engine.exec('ROLLBACK').catch(() => undefined)
      throw e
    }
  }

  /** Drops every per-file staging table, this data set's and any an earlier one left on the engine. */
  private async dropStaged(): Promise<void> {
    const rows = await this.engine.query<{ table_name: string }>(STAGED_TABLES_SQL)
    for (const r of rows) await this.engine.exec(`DROP TABLE IF EXISTS "${r.table_name}"`)
  }

  private stagedTicketFiles(): number[] {
    return this.entries.flatMap(e => (e.file.kind === 'tickets' && hasRows(e.file) ? [e.idx] : []))
  }

  /** Milliseconds per statement of the last rebuild, in order (scripts/bench.ts prints them). */
  lastBuildTimings: { step: string, ms: number }[] = []

  /** The derived tables from the staged files: built beside the old ones, then swapped in. */
  private async rebuild(snap: UsableSnapshot | null = null): Promise<void> {
    const timings: { step: string, ms: number }[] = []
    const run = async (sql: string) => {
      const t0 = performance.now()
      await this.engine.exec(sql)
      if (!sql.startsWith('DROP ')) timings.push({ step: stepName(sql), ms: performance.now() - t0 })
    }
    try {
      for (const [sql, params] of calendarTableStatements(calendarPlan(this.config))) {
        if (params.length) await this.engine.query(sql, params)
        else await this.engine.exec(sql)
      }
      const swap = () => this.transaction(async () => {
        for (const sql of swapSql()) await this.engine.exec(sql)
      })
      // Put back from a snapshot, no staging table is read: the view names none until the next build.
      if (snap) await this.engine.exec(stagedViewSql([]))
      this.restored = !!snap && await putBack(this.engine, snap, run, swap)
      this.kept = this.restored
      if (!this.restored) {
        await this.stagePending()
        await this.engine.exec(stagedViewSql(this.stagedTicketFiles()))
        const steps = buildTicketsSteps(this.config)
        for (const sql of steps.prepare) await run(sql)
        const [check] = await this.engine.query<{ none: boolean }>(steps.noDuplicatesSql)
        for (const sql of steps.build(!check?.none)) await run(sql)
        await swap()
      }
      this.built = true
    }
    catch (e) {
      for (const sql of buildLeftoversSql()) await this.engine.exec(sql).catch(() => undefined)
      throw e
    }
    this.lastBuildTimings = timings
    const rows = await this.engine.query<{ file_idx: number, duplicates: number }>(DUPLICATES_SQL)
    this.duplicates = new Map(rows.map(r => [r.file_idx, r.duplicates]))
    const updates = this.restored ? snap!.header.updates : (await this.engine.query<{ file_idx: number, updates: number }>(UPDATE_ROWS_SQL)).map(r => [r.file_idx, r.updates] as const)
    this.updates = new Map(updates)
  }

  /** Per-file counts; `loaded` and `duplicates` come from the database after de-duplication. */
  importReport(): ImportReport {
    const files = this.entries.map(({ file: f, idx }): FileReport => {
      if (f.kind !== 'tickets' || !hasRows(f)) return { ...f.report }
      const duplicates = this.duplicates.get(idx) ?? 0
      const accepted = f.report.rows - f.report.rejected
      const updates = this.updates.get(idx) ?? 0
      return { ...f.report, duplicates, loaded: accepted - duplicates, ...(updates > 0 ? { update_rows: updates } : {}) }
    })
    return { files, rejected: this.entries.flatMap(e => e.file.rejected) }
  }
}
