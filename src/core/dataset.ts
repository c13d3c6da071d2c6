import type { KpiConfig } from './config'
import type { Engine } from './engine'
import type { FileReport, ImportReport } from './report-types'
import type { KnownFlag, RejectedRow } from './schema'
import { KNOWN_FLAGS } from './schema'
import { UPDATE_ROWS_SQL } from './sql/update-rows'
import { calendarPlan, calendarTableStatements } from './sql/calendar-sql'
import { buildTicketsSteps, DUPLICATES_SQL, INSERT_FILE_SQL, STAGED_TABLES_SQL, stagedTable, stagedViewSql, STAGING_DDL } from './sql/tickets-table'

/** One file after the import stage, ready for the database: Arrow IPC bytes plus its report lines. */
export interface ImportedFile {
  report: FileReport
  rejected: RejectedRow[]
  kind: 'tickets' | 'training' | null
  /** Arrow IPC stream of canonical tickets or training records; null when the file failed. */
  ipc: Uint8Array | null
  known: Record<KnownFlag, boolean> | null
}

/** 'CREATE TABLE tickets AS …' → 'tickets'. */
function stepName(sql: string): string {
  return /^CREATE (?:TEMP )?(?:TABLE|TYPE) (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 30)
}

/**
 * The loaded files in DuckDB. Files keep the order they were added in: a later file's
 * row wins over an earlier one with the same vendor and ticket_id.
 */
export class Dataset {
  private files: ImportedFile[] = []
  private duplicates = new Map<number, number>()
  private updates = new Map<number, number>()

  constructor(private readonly engine: Engine, private config: KpiConfig) {}

  static async open(engine: Engine, config: KpiConfig): Promise<Dataset> {
    for (const sql of STAGING_DDL) await engine.exec(sql)
    const ds = new Dataset(engine, config)
    await ds.dropStaged()
    await ds.rebuild()
    return ds
  }

  get fileCount(): number {
    return this.files.length
  }

  /** Adds files in order, then rebuilds `tickets` once. */
  async add(files: ImportedFile[]): Promise<void> {
    for (const f of files) {
      this.files.push(f)
      await this.stage(this.files.length - 1, f)
    }
    await this.rebuild()
  }

  /** Puts a file imported again (e.g. with another column mapping) in the place of file `idx`, keeping the load order. */
  async replace(idx: number, f: ImportedFile): Promise<void> {
    if (idx < 0 || idx >= this.files.length) throw new RangeError(`no file ${idx} in the data set`)
    await this.engine.exec(`DROP TABLE IF EXISTS ${stagedTable(idx)}`)
    await this.engine.query('DELETE FROM import_files WHERE file_idx = ?', [idx])
    await this.engine.query('DELETE FROM training WHERE file_idx = ?', [idx])
    this.files[idx] = f
    await this.stage(idx, f)
    await this.rebuild()
  }

  private async stage(idx: number, f: ImportedFile): Promise<void> {
    if (!f.ipc || !f.kind) return
    if (f.kind === 'tickets') {
      // A ticket file becomes its own table straight from the IPC bytes; the view staged_tickets adds file_idx.
      await this.engine.exec(`DROP TABLE IF EXISTS ${stagedTable(idx)}`)
      await this.engine.insertArrowIPC(stagedTable(idx), f.ipc, true)
      const known = f.known ?? Object.fromEntries(KNOWN_FLAGS.map(k => [k, false])) as Record<KnownFlag, boolean>
      await this.engine.query(INSERT_FILE_SQL, [idx, f.report.file, ...KNOWN_FLAGS.map(k => known[k])])
      return
    }
    // Training records are few: stage, then append tagged with file_idx.
    await this.engine.exec('DROP TABLE IF EXISTS stage')
    await this.engine.insertArrowIPC('stage', f.ipc, true)
    await this.engine.exec(`INSERT INTO training SELECT ${idx}, * FROM stage`)
    await this.engine.exec('DROP TABLE stage')
  }

  async setConfig(config: KpiConfig): Promise<void> {
    this.config = config
    await this.rebuild()
  }

  async clear(): Promise<void> {
    for (const t of ['import_files', 'training']) await this.engine.exec(`DELETE FROM ${t}`)
    this.files = []
    await this.dropStaged()
    await this.rebuild()
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

  private async rebuild(): Promise<void> {
    const timings: { step: string, ms: number }[] = []
    const run = async (sql: string) => {
      const t0 = performance.now()
      await this.engine.exec(sql)
      if (!sql.startsWith('DROP ')) timings.push({ step: stepName(sql), ms: performance.now() - t0 })
    }
    await this.engine.exec(stagedViewSql(this.stagedTicketFiles()))
    for (const [sql, params] of calendarTableStatements(calendarPlan(this.config))) {
      if (params.length) await this.engine.query(sql, params)
      else await this.engine.exec(sql)
    }
    const steps = buildTicketsSteps(this.config)
    for (const sql of steps.prepare) await run(sql)
    const [check] = await this.engine.query<{ none: boolean }>(steps.noDuplicatesSql)
    for (const sql of steps.build(!check?.none)) await run(sql)
    this.lastBuildTimings = timings
    const rows = await this.engine.query<{ file_idx: number, duplicates: number }>(DUPLICATES_SQL)
    this.duplicates = new Map(rows.map(r => [r.file_idx, r.duplicates]))
    const updates = await this.engine.query<{ file_idx: number, updates: number }>(UPDATE_ROWS_SQL)
    this.updates = new Map(updates.map(r => [r.file_idx, r.updates]))
  }

  /** Per-file counts; `loaded` and `duplicates` come from the database after de-duplication. */
  importReport(): ImportReport {
    const files = this.files.map((f, idx): FileReport => {
      if (f.kind !== 'tickets' || !f.ipc) return { ...f.report }
      const duplicates = this.duplicates.get(idx) ?? 0
      const accepted = f.report.rows - f.report.rejected
      const updates = this.updates.get(idx) ?? 0
      return { ...f.report, duplicates, loaded: accepted - duplicates, ...(updates > 0 ? { update_rows: updates } : {}) }
    })
    return { files, rejected: this.files.flatMap(f => f.rejected) }
  }
}
