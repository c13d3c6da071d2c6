import type { KpiConfig } from './config'
import type { Engine } from './engine'
import type { FileReport, ImportReport } from './report-types'
import type { KnownFlag, RejectedRow } from './schema'
import { KNOWN_FLAGS } from './schema'
import { buildTicketsSql, DUPLICATES_SQL, INSERT_FILE_SQL, STAGING_DDL } from './sql/tickets-table'

/** One file after the import stage, ready for the database: Arrow IPC bytes plus its report lines. */
export interface ImportedFile {
  report: FileReport
  rejected: RejectedRow[]
  kind: 'tickets' | 'training' | null
  /** Arrow IPC stream of canonical tickets or training records; null when the file failed. */
  ipc: Uint8Array | null
  known: Record<KnownFlag, boolean> | null
}

/**
 * The loaded files in DuckDB. Files keep the order they were added in: a later file's
 * row wins over an earlier one with the same vendor and ticket_id.
 */
export class Dataset {
  private files: ImportedFile[] = []
  private duplicates = new Map<number, number>()

  constructor(private readonly engine: Engine, private config: KpiConfig) {}

  static async open(engine: Engine, config: KpiConfig): Promise<Dataset> {
    for (const sql of STAGING_DDL) await engine.exec(sql)
    const ds = new Dataset(engine, config)
    await ds.rebuild()
    return ds
  }

  get fileCount(): number {
    return this.files.length
  }

  /** Adds files in order, then rebuilds `tickets` once. */
  async add(files: ImportedFile[]): Promise<void> {
    for (const f of files) {
      const idx = this.files.length
      this.files.push(f)
      if (!f.ipc || !f.kind) continue
      // The IPC bytes are made before the file has a place in the data set: stage, then tag with file_idx.
      await this.engine.exec('DROP TABLE IF EXISTS stage')
      await this.engine.insertArrowIPC('stage', f.ipc, true)
      if (f.kind === 'tickets') {
        const known = f.known ?? Object.fromEntries(KNOWN_FLAGS.map(k => [k, false])) as Record<KnownFlag, boolean>
        await this.engine.query(INSERT_FILE_SQL, [idx, f.report.file, ...KNOWN_FLAGS.map(k => known[k])])
      }
      await this.engine.exec(`INSERT INTO ${f.kind === 'tickets' ? 'raw_tickets' : 'training'} SELECT ${idx}, * FROM stage`)
      await this.engine.exec('DROP TABLE stage')
    }
    await this.rebuild()
  }

  async setConfig(config: KpiConfig): Promise<void> {
    this.config = config
    await this.rebuild()
  }

  async clear(): Promise<void> {
    for (const t of ['raw_tickets', 'import_files', 'training']) await this.engine.exec(`DELETE FROM ${t}`)
    this.files = []
    await this.rebuild()
  }

  private async rebuild(): Promise<void> {
    await this.engine.exec(buildTicketsSql(this.config))
    const rows = await this.engine.query<{ file_idx: number, duplicates: number }>(DUPLICATES_SQL)
    this.duplicates = new Map(rows.map(r => [r.file_idx, r.duplicates]))
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
