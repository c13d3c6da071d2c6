/**
 * A table written out of DuckDB as one Arrow IPC stream, in parts of rows by rowid. Each part is
 * a query of its own, so DuckDB-wasm holds one part's result and IPC bytes at a time in its heap,
 * which never gives memory back: at 1 M tickets, writing the staging table out whole raised the
 * tab by about 0.4 GB for the rest of its life. The parts' streams are joined without a copy.
 */
import type { Engine } from './engine'
import { streamOfArrowFile } from './snapshot-format'
import { num } from './sql/literal'

/** Rows per part: at 1 M tickets, 8 parts of about 20 MB of IPC each. */
export const PART_ROWS = 131_072

const EOS = new Uint8Array([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])

/** The kinds of message an IPC stream holds (Arrow's Message.fbs, union MessageHeader). */
export const MESSAGE = { schema: 1, batch: 3 } as const

/** A message of a stream: its header type and where it ends (its framing and body included). */
interface Msg { type: number, end: number }

/**
 * The header type and body length of a message's metadata, a flatbuffer `Message` table: field 1
 * is the header's union type (ubyte), field 3 the body's length (long); an absent field is 0.
 */
function messageMeta(view: DataView, at: number): { type: number, body: number } {
  const table = at + view.getUint32(at, true)
  const vtable = table - view.getInt32(table, true)
  const field = (id: number) => (4 + 2 * id < view.getUint16(vtable, true) ? view.getUint16(vtable + 4 + 2 * id, true) : 0)
  const type = field(1)
  const body = field(3)
  return { type: type ? view.getUint8(table + type) : 0, body: body ? Number(view.getBigInt64(table + body, true)) : 0 }
}

/** The messages of an IPC stream, one after another from its start, up to its end marker. */
export function ipcMessages(stream: Uint8Array): Msg[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength)
  const out: Msg[] = []
  let at = 0
  while (at + 4 <= stream.byteLength) {
    // Since Arrow 0.15 a message starts with 0xFFFFFFFF, then the metadata's length; before, the length alone.
    const continued = view.getInt32(at, true) === -1
    const meta = at + (continued ? 8 : 4)
    const length = view.getInt32(meta - 4, true)
    if (length === 0) break
    const message = messageMeta(view, meta)
    const end = meta + length + message.body
    if (end > stream.byteLength) throw new Error('an Arrow IPC stream is cut off')
    out.push({ type: message.type, end })
    at = end
  }
  return out
}

const same = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i])

/**
 * A part's stream split into its head (schema, then dictionaries) and its record batches, each
 * one view of the stream (its messages are contiguous). A dictionary after a batch (a replacement) is refused: the parts are
 * joined under one head.
 */
function splitPart(stream: Uint8Array): { head: Uint8Array, batches: Uint8Array } {
  const msgs = ipcMessages(stream)
  const first = msgs.findIndex(m => m.type === MESSAGE.batch)
  const headCount = first < 0 ? msgs.length : first
  if (msgs.slice(headCount).some(m => m.type !== MESSAGE.batch)) throw new Error('an Arrow IPC part changes its dictionaries between batches')
  const headEnd = headCount ? msgs[headCount - 1]!.end : 0
  const end = msgs.at(-1)?.end ?? 0
  return { head: stream.subarray(0, headEnd), batches: stream.subarray(headEnd, end) }
}

/**
 * `SELECT * FROM table` as one IPC stream, in chunks, written out part by part: rowid ranges in
 * rowid order, which is the table's order. Every part with rows must have the head of the first
 * (an ENUM column's dictionary is its whole type, the same in every part); a part without rows
 * (deleted ones) has no dictionaries and adds nothing. The first chunk is the head, then one
 * chunk of batches per part with rows, then the end-of-stream marker.
 */
export async function* tableIpcChunks(engine: Engine, table: string, rowsPerPart = PART_ROWS): AsyncGenerator<Uint8Array> {
  if (!engine.exportIPC) throw new Error('this engine cannot write Arrow')
  const [bound] = await engine.query<{ n: number | null }>(`SELECT (max(rowid) + 1)::DOUBLE AS n FROM ${table}`)
  const end = bound?.n ?? 0
  let head: Uint8Array | null = null
  let empty: Uint8Array | null = null
  for (let from = 0; from < Math.max(end, 1); from += rowsPerPart) {
    const where = end <= rowsPerPart ? '' : ` WHERE rowid >= ${num(from)} AND rowid < ${num(from + rowsPerPart)}`
    const part = splitPart(streamOfArrowFile(await engine.exportIPC(`SELECT * FROM ${table}${where}`)))
    if (part.batches.byteLength === 0) {
      empty ??= part.head
      continue
    }
    if (head === null) {
      head = part.head
      yield head
    }
    else if (!same(part.head, head)) throw new Error(`the parts of ${table} differ in schema or dictionaries`)
    yield part.batches
  }
  // No part had rows: the stream of an empty result, its schema alone.
  if (head === null && empty !== null) yield empty
  yield EOS
}

/** tableIpcChunks, all of them. */
export async function exportTableIpc(engine: Engine, table: string, rowsPerPart = PART_ROWS): Promise<Uint8Array[]> {
  const out: Uint8Array[] = []
  for await (const chunk of tableIpcChunks(engine, table, rowsPerPart)) out.push(chunk)
  return out
}
