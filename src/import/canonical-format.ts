import type { ImportedFile } from '../core/dataset'
import type { FileReport } from '../core/report-types'
import type { KnownFlag, RejectedRow } from '../core/schema'

/**
 * The fast reload format (`*.servicewall`): one or more loaded files' canonical tickets (or
 * training records) as the Arrow IPC streams the staging tables are made from, plus each file's
 * import report, so a load needs no parsing at all (docs/importing.md, "Converted files").
 *
 * Layout, little-endian:
 *   0  12 bytes  magic "SERVICEWALL\0"
 *   12 uint32    format version (CANONICAL_VERSION)
 *   16 uint32    byte length of the header (UTF-8 JSON, CanonicalHeader)
 *   20 uint32    0
 *   24 header, zero-padded to a multiple of 8
 *   then each file's IPC stream at header.files[i].offset (from the end of the padded header), 8-aligned.
 */
export const CANONICAL_MAGIC = 'SERVICEWALL\0'
export const CANONICAL_VERSION = 1
export const CANONICAL_EXTENSION = '.servicewall'
const PREFIX = 24

export interface CanonicalEntry {
  kind: 'tickets' | 'training'
  report: FileReport
  rejected: RejectedRow[]
  known: Record<KnownFlag, boolean> | null
  /** Byte offset of the IPC stream after the header, and its length. */
  offset: number
  length: number
}

export interface CanonicalHeader {
  format: 'servicewall canonical tickets'
  version: number
  /** Column names of each kind's IPC stream, in order (checked again against the data when read). */
  columns: Record<'tickets' | 'training', string[]>
  files: CanonicalEntry[]
}

const pad8 = (n: number) => (8 - (n % 8)) % 8

/** The loaded files (those with data) as the chunks of one `*.servicewall` file, in order. */
export function writeCanonical(files: readonly ImportedFile[], columns: CanonicalHeader['columns']): Uint8Array[] {
  const body: Uint8Array[] = []
  const entries: CanonicalEntry[] = []
  let offset = 0
  for (const f of files) {
    if (!f.ipc || !f.kind) continue
    entries.push({ kind: f.kind, report: f.report, rejected: f.rejected, known: f.known, offset, length: f.ipc.byteLength })
    body.push(f.ipc, new Uint8Array(pad8(f.ipc.byteLength)))
    offset += f.ipc.byteLength + pad8(f.ipc.byteLength)
  }
  const header: CanonicalHeader = { format: 'servicewall canonical tickets', version: CANONICAL_VERSION, columns, files: entries }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const prefix = new Uint8Array(PREFIX)
  prefix.set(new TextEncoder().encode(CANONICAL_MAGIC))
  const view = new DataView(prefix.buffer)
  view.setUint32(12, CANONICAL_VERSION, true)
  view.setUint32(16, json.byteLength, true)
  return [prefix, json, new Uint8Array(pad8(PREFIX + json.byteLength)), ...body]
}

/** True when the first bytes are the format's magic (whatever its version). */
export function hasCanonicalMagic(first: Uint8Array): boolean {
  const magic = new TextEncoder().encode(CANONICAL_MAGIC)
  return first.byteLength >= PREFIX && magic.every((b, i) => first[i] === b)
}

/** Version and header length from the first 24 bytes; throws with the reason for a file this build cannot read. */
export function readPrefix(first: Uint8Array): { version: number, headerBytes: number, bodyStart: number } {
  const view = new DataView(first.buffer, first.byteOffset, PREFIX)
  const version = view.getUint32(12, true)
  if (version > CANONICAL_VERSION || version < 1) {
    throw new Error(`格式版本 ${version} 无法读取（本程序读取版本 ${CANONICAL_VERSION}），请用新版 servicewall 或重新转换。 / Format version ${version} cannot be read (this servicewall reads version ${CANONICAL_VERSION}): use a newer servicewall or convert the exports again.`)
  }
  const headerBytes = view.getUint32(16, true)
  return { version, headerBytes, bodyStart: PREFIX + headerBytes + pad8(PREFIX + headerBytes) }
}
