/**
 * The import worker's view of the page's DuckDB: each Engine call is a message to the page,
 * which makes it on its engine (src/db/import-client.ts) and answers. A UTF-8 file goes across
 * as the File, which DuckDB reads as it scans; transcoded bytes go as transfers, with no copy
 * left behind on either side. The per-row work is DuckDB's (src/import/engine-import.ts).
 */
import type { Engine, Row } from '../core/engine'
import type { EngineAnswer, EngineCall, WorkerResponse } from './worker-protocol'

type Post = (msg: WorkerResponse, transfer: Transferable[]) => void

export class PageEngine {
  private nextCall = 1
  private readonly waiting = new Map<number, { resolve: (rows: Row[]) => void, reject: (e: Error) => void }>()

  constructor(private readonly post: Post) {}

  /** The Engine for the import `id`: its calls are answered by `answer`. */
  engine(id: number): Engine {
    const call = (request: EngineCall, transfer: Transferable[] = []) => new Promise<Row[]>((resolve, reject) => {
      const n = this.nextCall++
      this.waiting.set(n, { resolve, reject })
      this.post({ id, type: 'engine', call: n, request }, transfer)
    })
    return {
      exec: async (sql) => {
        await call({ op: 'exec', sql })
      },
      query: async <T = Row>(sql: string, params?: readonly (string | number | boolean | null)[]) => (await call({ op: 'query', sql, params })) as T[],
      insertArrowIPC: async (table, ipc, create) => {
        await call({ op: 'insertArrowIPC', table, ipc, create }, [ipc.buffer])
      },
      // The bytes are transferred: as on the page (browser-engine.ts), the caller must not use them afterwards.
      registerFile: async (name, bytes) => {
        await call({ op: 'registerFile', name, bytes }, [bytes.buffer])
      },
      // A File goes across as a handle to the same bytes, not a copy of them.
      registerBlob: async (name, blob) => {
        await call({ op: 'registerBlob', name, blob })
      },
      dropFile: async (name) => {
        await call({ op: 'dropFile', name })
      },
      close: async () => {},
    }
  }

  /** The page answered call `msg.call`. */
  answer(msg: EngineAnswer): void {
    const w = this.waiting.get(msg.call)
    if (!w) return
    this.waiting.delete(msg.call)
    if (msg.ok) w.resolve(msg.rows ?? [])
    else w.reject(new Error(msg.message))
  }
}
