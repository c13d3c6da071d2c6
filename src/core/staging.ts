/**
 * Staging: each loaded file's canonical rows in a table of its own (raw_tickets_<idx>), training
 * records appended to `training`, and each ticket file's fields named in `import_files`. The
 * data set (dataset.ts) builds everything else from these.
 */
import type { ImportedFile } from './dataset'
import type { Engine } from './engine'
import type { KnownFlag } from './schema'
import { KNOWN_FLAGS } from './schema'
import { INSERT_FILE_SQL, stagedTable, unstageSql } from './sql/tickets-table'

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** A file the database could not take: listed with the reason, nothing of it loaded. */
export function notLoaded(f: ImportedFile, e: unknown): ImportedFile {
  const error = `数据库未能载入此文件：${message(e)}；之前载入的数据不变。 / The database could not load this file: ${message(e)}. The data loaded before is unchanged.`
  return { ...f, ipc: null, table: null, kind: null, rejected: [], known: null, report: { ...f.report, loaded: 0, error } }
}

/** A loaded file and the number of its staging table (raw_tickets_<idx>, file_idx in the tables). */
export interface Entry {
  file: ImportedFile
  idx: number
  /** Its staging table is still to be made (the data set came back from a snapshot): the next build makes it. */
  pending?: boolean
}

/**
 * One file into its staging table (tickets) or `training`. A failure is the file's error line; nothing of it stays.
 * `later`: a ticket file's table waits until a build needs it (stagePending); its bytes stay with the entry.
 */
export async function stageFile(engine: Engine, file: ImportedFile, idx: number, later = false): Promise<Entry> {
  try {
    if (file.table && file.kind === 'tickets') {
      // The engine import left the file's tickets in a table of their own: it becomes the staging table.
      await engine.exec(`DROP TABLE IF EXISTS ${stagedTable(idx)}`)
      await engine.exec(`ALTER TABLE ${file.table} RENAME TO ${stagedTable(idx)}`)
      await insertFile(engine, idx, file)
      return { file: { ...file, table: stagedTable(idx) }, idx }
    }
    if (file.ipc && file.kind === 'tickets') {
      // A ticket file becomes its own table straight from the IPC bytes; the view staged_tickets adds file_idx.
      await engine.exec(`DROP TABLE IF EXISTS ${stagedTable(idx)}`)
      if (!later) await engine.insertArrowIPC(stagedTable(idx), file.ipc, true)
      await insertFile(engine, idx, file)
      if (later) return { file, idx, pending: true }
    }
    else if (file.ipc && file.kind === 'training') {
      // Training records are few: stage, then append tagged with file_idx.
      await engine.exec('DROP TABLE IF EXISTS stage')
      await engine.insertArrowIPC('stage', file.ipc, true)
      await engine.exec(`INSERT INTO training SELECT ${idx}, * FROM stage`)
      await engine.exec('DROP TABLE stage')
    }
    return { file, idx }
  }
  catch (e) {
    await unstageFile(engine, idx)
    if (file.table) await engine.exec(`DROP TABLE IF EXISTS ${file.table}`).catch(() => undefined)
    return { file: notLoaded(file, e), idx }
  }
}

/** The staging tables a snapshot let wait, made now (a build needs them). */
export async function stagePending(engine: Engine, entries: readonly Entry[]): Promise<void> {
  for (const e of entries.filter(x => x.pending)) {
    await engine.insertArrowIPC(stagedTable(e.idx), e.file.ipc!, true)
    e.pending = false
  }
}

async function insertFile(engine: Engine, idx: number, file: ImportedFile): Promise<void> {
  const known = file.known ?? Object.fromEntries(KNOWN_FLAGS.map(k => [k, false])) as Record<KnownFlag, boolean>
  await engine.query(INSERT_FILE_SQL, [idx, file.report.file, ...KNOWN_FLAGS.map(k => known[k])])
}

/** Takes a file's staging out again; what is not there is skipped. */
export async function unstageFile(engine: Engine, idx: number): Promise<void> {
  for (const sql of [...unstageSql(idx), 'DROP TABLE IF EXISTS stage']) await engine.exec(sql).catch(() => undefined)
}
