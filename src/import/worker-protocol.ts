import type { ImportedFile } from '../core/dataset'
import type { Row, SqlParam } from '../core/engine'
import type { Mapping } from '../core/schema'
import type { Inspection } from './inspect'

export type LoadPhase = 'reading' | 'parsing' | 'loading' | 'done' | 'error'

export interface LoadProgress {
  file: string
  phase: LoadPhase
  bytesRead: number
  bytesTotal: number
  rows: number
}

export type WorkerRequest =
  | { id: number, type: 'inspect', file: File, mapping?: Mapping }
  /**
   * `engine`: the file may be imported in the page's DuckDB (src/import/engine-import.ts); the
   * worker then asks the page for each statement (EngineCall) and answers with a table of the
   * engine, not with IPC bytes.
   */
  | { id: number, type: 'import', file: File, vendor?: string, mapping?: Mapping, engine?: boolean }

/** One call of the Engine interface the worker asks the page to make on its DuckDB, for the import `id`. */
export type EngineCall =
  | { op: 'exec', sql: string }
  | { op: 'query', sql: string, params?: readonly SqlParam[] }
  | { op: 'insertArrowIPC', table: string, ipc: Uint8Array, create: boolean }
  | { op: 'registerFile', name: string, bytes: Uint8Array }
  | { op: 'registerBlob', name: string, blob: Blob }
  | { op: 'dropFile', name: string }

/** The page's answer to an EngineCall: the rows of a query, or why it failed. */
export type EngineAnswer = { type: 'engine-answer', call: number } & ({ ok: true, rows?: Row[] } | { ok: false, message: string })

export type WorkerResponse =
  | { id: number, type: 'progress', progress: LoadProgress }
  | { id: number, type: 'inspection', inspection: Inspection }
  | { id: number, type: 'imported', imported: ImportedFile }
  | { id: number, type: 'engine', call: number, request: EngineCall }
  /** The request failed (a read error, a RangeError …): its call rejects with `message`. */
  | { id: number, type: 'error', message: string }
