import type { ImportedFile } from '../core/dataset'
import type { CanonicalBatch } from '../core/schema'
import type { CanonicalHeader } from './canonical-format'
import type { Inspection } from './inspect'
import { RecordBatchReader } from 'apache-arrow'
import { KNOWN_FLAGS } from '../core/schema'
import { hasCanonicalMagic, readPrefix, writeCanonical } from './canonical-format'
import { batchToArrowIPC, trainingToArrowIPC } from './to-arrow'

/** Bytes read by range: a File or Blob in the browser, a file-backed Blob or bytes in Node. */
export interface ByteSource {
  size: number
  slice: (start: number, end: number) => Promise<Uint8Array>
}

export const blobSource = (blob: Blob): ByteSource => ({ size: blob.size, slice: async (a, b) => new Uint8Array(await blob.slice(a, b).arrayBuffer()) })
// A copy per stream: DuckDB-wasm detaches the bytes it is given, and each file must keep its own.
export const bytesSource = (bytes: Uint8Array): ByteSource => ({ size: bytes.byteLength, slice: async (a, b) => bytes.slice(a, b) })

const columnsOf = (ipc: Uint8Array): string[] => RecordBatchReader.from(ipc).open().schema.fields.map(f => `${f.name} ${String(f.type)}`)

/** Each kind's columns as to-arrow.ts writes them today: what a file must carry to be staged. */
export function canonicalColumns(): CanonicalHeader['columns'] {
  const none: CanonicalBatch = {
    length: 0, ticket_id: [], vendor: [], created_at: [], first_response_at: [], resolved_at: [], recovered_at: [], priority: [], channel: [],
    category: [], is_fault: [], reopen_count: [], satisfaction: [], customer: [], row: [], known: Object.fromEntries(KNOWN_FLAGS.map(k => [k, false])) as CanonicalBatch['known'],
  }
  return { tickets: columnsOf(batchToArrowIPC(none)), training: columnsOf(trainingToArrowIPC({ vendor: [], person: [], date: [] })) }
}

/** The chunks of a `*.servicewall` file holding these loaded files (the failed ones are left out). */
export const canonicalChunks = (files: readonly ImportedFile[]): Uint8Array[] => writeCanonical(files, canonicalColumns())

/** A converted file that cannot be read: its error line, nothing of it loaded. */
function failed(file: string, error: string): ImportedFile {
  const report = { file, format: 'servicewall', encoding: 'binary', rows: 0, loaded: 0, rejected: 0, duplicates: 0, error, vendor: null }
  return { report, rejected: [], kind: null, ipc: null, known: null }
}

const bad = (why: string) => new Error(`不是有效的 servicewall 转换文件：${why} / Not a valid servicewall converted file: ${why}`)

/**
 * A `*.servicewall` file -> the loaded files it holds, with their import reports as they were
 * written; null when `src` is not in this format. A file that is damaged or of another version
 * is one error line (nothing of it loaded), never an exception.
 */
export async function readCanonical(src: ByteSource, name: string): Promise<ImportedFile[] | null> {
  if (src.size < 24) return null
  const first = await src.slice(0, 24)
  if (!hasCanonicalMagic(first)) return null
  try {
    const { headerBytes, bodyStart } = readPrefix(first)
    if (24 + headerBytes > src.size) throw bad('the header is cut off')
    const header = JSON.parse(new TextDecoder().decode(await src.slice(24, 24 + headerBytes))) as CanonicalHeader
    if (header.format !== 'servicewall canonical tickets' || !Array.isArray(header.files)) throw bad('no list of files in the header')
    const expected = canonicalColumns()
    const out: ImportedFile[] = []
    for (const e of header.files) {
      const start = bodyStart + e.offset
      if (!(e.kind === 'tickets' || e.kind === 'training') || !(e.length > 0) || start + e.length > src.size) throw bad(`${e.report?.file ?? '?'} is cut off`)
      const ipc = await src.slice(start, start + e.length)
      const columns = columnsOf(ipc)
      if (columns.join('|') !== expected[e.kind].join('|')) throw bad(`${e.report.file} has the columns ${columns.join(', ')}, not ${expected[e.kind].join(', ')}`)
      out.push({ report: e.report, rejected: e.rejected, kind: e.kind, ipc, known: e.known })
    }
    return out
  }
  catch (e) {
    return [failed(name, e instanceof Error ? e.message : String(e))]
  }
}

/** Same, for a file picked or dropped in the wall: only the header and one file's bytes at a time are read. */
export function readCanonicalFile(file: File): Promise<ImportedFile[] | null> {
  return readCanonical(blobSource(file), file.name)
}

/** Bytes in the import worker or a refresh: a converted file holding one file is that file; one holding several is for the file picker and the CLI. */
export async function canonicalOne(bytes: Uint8Array, file: string): Promise<ImportedFile | null> {
  const files = await readCanonical(bytesSource(bytes), file)
  if (!files || files.length === 1) return files?.[0] ?? null
  return failed(file, `此转换文件包含 ${files.length} 个文件，请用文件选择或命令行载入。 / This converted file holds ${files.length} files: load it with the file picker or the command line.`)
}

/** What the wall asks before a load, for a converted file: nothing (its vendors and mappings were settled when it was converted). */
export async function convertedInspection(file: File): Promise<Inspection | null> {
  if (file.size < 24 || !hasCanonicalMagic(new Uint8Array(await file.slice(0, 24).arrayBuffer()))) return null
  return { file: file.name, kind: null, headers: [], preview: [], mapping: {}, missing: [], hasVendorColumn: true, defaultVendor: '', error: null }
}
