/**
 * What the KPI code needs from a database: DuckDB-wasm behind it, in a Web
 * Worker (browser) or the blocking Node build (CLI, tests). Same SQL on both.
 */
export type SqlParam = string | number | boolean | null
export type Row = Record<string, unknown>

export interface Engine {
  exec: (sql: string) => Promise<void>
  query: <T = Row>(sql: string, params?: readonly SqlParam[]) => Promise<T[]>
  /** Loads an Arrow IPC stream into `table`: a new table, or appended by column position. */
  insertArrowIPC: (table: string, ipc: Uint8Array, create: boolean) => Promise<void>
  /** A query's result as the Arrow IPC stream DuckDB writes, not decoded (the snapshot of the built tables, src/core/snapshot.ts). */
  exportIPC?: (sql: string) => Promise<Uint8Array>
  /**
   * Makes bytes readable by SQL under `name` (read_csv('name')). The browser transfers the
   * buffer to the database worker: the caller must not use it afterwards. Absent on a test double.
   */
  registerFile?: (name: string, bytes: Uint8Array) => Promise<void>
  /**
   * Makes a file of the browser readable by SQL under `name`: DuckDB reads the parts it needs as it
   * scans, so the file's bytes never enter its heap (a dropped UTF-8 CSV). Browser only.
   */
  registerBlob?: (name: string, blob: Blob) => Promise<void>
  /** Forgets a registered file and its bytes. */
  dropFile?: (name: string) => Promise<void>
  close: () => Promise<void>
  /**
   * The number of the database behind the engine (browser): it changes when a crashed or
   * terminated worker was replaced by a fresh, empty database. Replaces a dead one first.
   */
  instance?: () => Promise<number>
}

/** Session settings both runners apply: nothing may try to download an extension (offline, hangs). */
export const ENGINE_SETUP_SQL = [
  'SET autoload_known_extensions=false',
  'SET autoinstall_known_extensions=false',
]
