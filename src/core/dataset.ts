import type { KpiConfig } from './config'
import type { Engine } from './engine'
import type { FileReport, ImportReport } from './report-types'
import type { KnownFlag, RejectedRow } from './schema'
import { OperationQueue } from './op-queue'
import { KNOWN_FLAGS } from './schema'
import { buildTicketsSteps, DUPLICATES_SQL, INSERT_FILE_SQL, STAGED_TABLES_SQL, stagedTable, stagedViewSql, STAGING_DDL, unstageSql } from './sql/tickets-table'

/** One file after the import stage, ready for the database: Arrow IPC bytes plus its report lines. */
export interface ImportedFile {
  report: FileReport
  rejected: RejectedRow[]
  kind: 'tickets' | 'training' | null
  /** Arrow IPC stream of canonical tickets or training records; null when the file failed. */
  ipc: Uint8Array | null
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

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** A file the database could not take: listed with the reason, nothing of it loaded. */
function notLoaded(f: ImportedFile, e: unknown): ImportedFile {
  const error = `数据库未能载入此文件：${message(e)}；之前载入的数据不变。 / The database could not load this file: ${message(e)}. The data loaded before is unchanged.`
  return { ...f, ipc: null, kind: null, rejected: [], known: null, report: { ...f.report, loaded: 0, error } }
}

/**
 * The loaded files in DuckDB. Files keep the order they were added in: a later file's
 * row wins over an earlier one with the same vendor and ticket_id.
 *
 * Every public operation runs through one queue (a load, a config change, a report via
 * `run`), and every rebuild is one transaction: a failure rolls back to the tables
 * before it, so the data set keeps answering with the previous data.
 */
export class Dataset {
  private files: ImportedFile[] = []
  private duplicates = new Map<number, number>()
  private readonly queue = new OperationQueue()
  private instance = 0
  private readonly restartListeners: ((info: RestartInfo) => void)[] = []

  constructor(private readonly engine: Engine, private config: KpiConfig) {}

  static async open(engine: Engine, config: KpiConfig): Promise<Dataset> {
    const ds = new Dataset(engine, config)
    ds.instance = (await engine.instance?.()) ?? 0
    await ds.init()
    return ds
  }

  private async init(): Promise<void> {
    for (const sql of STAGING_DDL) await this.engine.exec(sql)
    await this.dropStaged()
    await this.rebuildNow()
  }

  /** The config of the loaded tables (a report must use the same). */
  get kpiConfig(): KpiConfig {
    return this.config
  }

  get fileCount(): number {
    return this.files.length
  }

  /** Runs `job` as one operation: never while a load, a config change or another job runs. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.followRestart()
      return job()
    })
  }

  /** Called after the engine came back empty from a crash, with the files it lost. */
  onRestart(listener: (info: RestartInfo) => void): void {
    this.restartListeners.push(listener)
  }

  private async followRestart(): Promise<void> {
    const now = (await this.engine.instance?.()) ?? 0
    if (now === this.instance) return
    this.instance = now
    const lostFiles = this.files.flatMap(f => (f.ipc && f.kind ? [f.report.file] : []))
    this.files = []
    this.duplicates = new Map()
    await this.init()
    for (const listener of this.restartListeners) listener({ lostFiles })
  }

  /** Adds files in order, then rebuilds `tickets` once. A file the database cannot take is listed with the error. */
  add(files: ImportedFile[]): Promise<void> {
    return this.run(() => this.addNow(files))
  }

  /** Replaces everything loaded (and the config) in one step: a report sees the old data or the new, never none. */
  replace(files: ImportedFile[], config: KpiConfig): Promise<void> {
    return this.run(async () => {
      const [oldFiles, oldConfig] = [this.files, this.config]
      try {
        await this.transaction(async () => {
          await this.clearTables()
          this.files = []
          this.config = config
          for (const f of files) await this.stage(f)
          await this.rebuild()
        })
        await this.readDuplicates()
      }
      catch (e) {
        ;[this.files, this.config] = [oldFiles, oldConfig]
        throw e
      }
    })
  }

  setConfig(config: KpiConfig): Promise<void> {
    return this.run(async () => {
      const old = this.config
      this.config = config
      try {
        await this.rebuildNow()
      }
      catch (e) {
        this.config = old
        throw e
      }
    })
  }

  clear(): Promise<void> {
    return this.run(async () => {
      const old = this.files
      this.files = []
      try {
        await this.transaction(async () => {
          await this.clearTables()
          await this.rebuild()
        })
        await this.readDuplicates()
      }
      catch (e) {
        this.files = old
        throw e
      }
    })
  }

  private async addNow(files: ImportedFile[]): Promise<void> {
    const staged: number[] = []
    for (const f of files) {
      const idx = this.files.length
      try {
        await this.transaction(() => this.stage(f))
        if (f.ipc && f.kind) staged.push(idx)
      }
      catch (e) {
        this.files[idx] = notLoaded(f, e)
      }
    }
    if (!staged.length) return
    try {
      await this.rebuildNow()
    }
    catch (e) {
      // Rolled back: the previous tables answer. Take the new files' staging out again.
      await this.transaction(async () => {
        for (const idx of staged) for (const sql of unstageSql(idx)) await this.engine.exec(sql)
      })
      for (const idx of staged) this.files[idx] = notLoaded(this.files[idx]!, e)
    }
  }

  /** One file into its staging table (tickets) or `training`; appended to `files` when it succeeds. */
  private async stage(f: ImportedFile): Promise<void> {
    const idx = this.files.length
    if (f.ipc && f.kind === 'tickets') {
      // A ticket file becomes its own table straight from the IPC bytes; the view staged_tickets adds file_idx.
      await this.engine.exec(`DROP TABLE IF EXISTS ${stagedTable(idx)}`)
      await this.engine.insertArrowIPC(stagedTable(idx), f.ipc, true)
      const known = f.known ?? Object.fromEntries(KNOWN_FLAGS.map(k => [k, false])) as Record<KnownFlag, boolean>
      await this.engine.query(INSERT_FILE_SQL, [idx, f.report.file, ...KNOWN_FLAGS.map(k => known[k])])
    }
    else if (f.ipc && f.kind === 'training') {
      // Training records are few: stage, then append tagged with file_idx.
      await this.engine.exec('DROP TABLE IF EXISTS stage')
      await this.engine.insertArrowIPC('stage', f.ipc, true)
      await this.engine.exec(`INSERT INTO training SELECT ${idx}, * FROM stage`)
      await this.engine.exec('DROP TABLE stage')
    }
    this.files.push(f)
  }

  private async clearTables(): Promise<void> {
    for (const t of ['import_files', 'training']) await this.engine.exec(`DELETE FROM ${t}`)
    await this.dropStaged()
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
    return this.files.flatMap((f, idx) => (f.kind === 'tickets' && f.ipc ? [idx] : []))
  }

  /** Milliseconds per statement of the last rebuild, in order (scripts/bench.ts prints them). */
  lastBuildTimings: { step: string, ms: number }[] = []

  private async rebuildNow(): Promise<void> {
    await this.transaction(() => this.rebuild())
    await this.readDuplicates()
  }

  private async readDuplicates(): Promise<void> {
    const rows = await this.engine.query<{ file_idx: number, duplicates: number }>(DUPLICATES_SQL)
    this.duplicates = new Map(rows.map(r => [r.file_idx, r.duplicates]))
  }

  /** The derived tables from the staged files; inside a transaction (the caller's). */
  private async rebuild(): Promise<void> {
    const timings: { step: string, ms: number }[] = []
    const run = async (sql: string) => {
      const t0 = performance.now()
      await this.engine.exec(sql)
      if (!sql.startsWith('DROP ')) timings.push({ step: stepName(sql), ms: performance.now() - t0 })
    }
    await this.engine.exec(stagedViewSql(this.stagedTicketFiles()))
    const steps = buildTicketsSteps(this.config)
    for (const sql of steps.prepare) await run(sql)
    const [check] = await this.engine.query<{ none: boolean }>(steps.noDuplicatesSql)
    for (const sql of steps.build(!check?.none)) await run(sql)
    this.lastBuildTimings = timings
  }

  /** Per-file counts; `loaded` and `duplicates` come from the database after de-duplication. */
  importReport(): ImportReport {
    const files = this.files.map((f, idx): FileReport => {
      if (f.kind !== 'tickets' || !f.ipc) return { ...f.report }
      const duplicates = this.duplicates.get(idx) ?? 0
      const accepted = f.report.rows - f.report.rejected
      return { ...f.report, duplicates, loaded: accepted - duplicates }
    })
    return { files, rejected: this.files.flatMap(f => f.rejected) }
  }
}
