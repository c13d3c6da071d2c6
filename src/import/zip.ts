// The zip container of an .xlsx: central-directory reader and bounded streaming inflate.

import { Inflate } from 'fflate'
import { ImportError } from './types'

export const NOT_XLSX_MESSAGE = '不是有效的 .xlsx 工作簿。 / This is not a valid .xlsx workbook.'

const INFLATE_CHUNK = 64 * 1024

interface ZipEntry {
  method: number
  compressedSize: number
  size: number
  offset: number
}

/** The zip's central directory, and inflation of its parts under the uncompressed-size limit. */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>()
  private inflated = 0

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxBytes: number,
  ) {
    try {
      readCentralDirectory(bytes, (name, entry) => this.entries.set(normalizePath(name), entry))
    } catch (error) {
      throw error instanceof ImportError ? error : new ImportError(NOT_XLSX_MESSAGE)
    }
  }

  has(path: string): boolean {
    return this.entries.has(normalizePath(path))
  }

  /** Refuses, before inflating anything, parts whose declared sizes add up to more than the limit. */
  checkDeclaredSizes(paths: ReadonlyArray<string | undefined>): void {
    const unique = new Set(paths.filter((p): p is string => p !== undefined).map(normalizePath))
    let total = this.inflated
    for (const path of unique) total += this.entries.get(path)?.size ?? 0
    if (total > this.maxBytes) throw tooLarge(this.maxBytes)
  }

  textIfPresent(path: string): string | undefined {
    return this.has(path) ? this.text(path) : undefined
  }

  text(path: string): string {
    const data = this.read(path)
    // XML parts are UTF-8 in practice, but the standard also allows UTF-16 with a byte order mark.
    const label = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8'
    try {
      return new TextDecoder(label).decode(data)
    } catch {
      throw new ImportError('工作表过大，无法读取。 / A worksheet of this workbook is too large to read.')
    }
  }

  private read(path: string): Uint8Array {
    const entry = this.entries.get(normalizePath(path))
    if (!entry) throw new ImportError(NOT_XLSX_MESSAGE)
    this.checkDeclaredSizes([path])
    try {
      return this.inflate(entry)
    } catch (error) {
      throw error instanceof ImportError ? error : new ImportError(NOT_XLSX_MESSAGE)
    }
  }

  private inflate(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)
    if (view.getUint32(entry.offset, true) !== 0x04034b50) throw new ImportError(NOT_XLSX_MESSAGE)
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true)
    const compressed = this.bytes.subarray(start, start + entry.compressedSize)
    if (compressed.length !== entry.compressedSize) throw new ImportError(NOT_XLSX_MESSAGE)
    if (entry.method === 0) {
      this.count(compressed.length)
      return compressed
    }
    // Deflate cannot expand more than 1032:1, so a bigger declared size is a lie not worth allocating for.
    if (entry.method !== 8 || entry.size > entry.compressedSize * 1032 + 1024) throw new ImportError(NOT_XLSX_MESSAGE)
    const out = new Uint8Array(entry.size)
    let written = 0
    const inflater = new Inflate((chunk) => {
      this.count(chunk.length)
      if (written + chunk.length > out.length) throw new ImportError(NOT_XLSX_MESSAGE)
      out.set(chunk, written)
      written += chunk.length
    })
    // Pushing in slices bounds what one push can inflate, so a zip bomb stops at the limit.
    let pos = 0
    do {
      const end = Math.min(pos + INFLATE_CHUNK, compressed.length)
      inflater.push(compressed.subarray(pos, end), end === compressed.length)
      pos = end
    } while (pos < compressed.length)
    if (written !== out.length) throw new ImportError(NOT_XLSX_MESSAGE)
    return out
  }

  private count(inflatedBytes: number): void {
    this.inflated += inflatedBytes
    if (this.inflated > this.maxBytes) throw tooLarge(this.maxBytes)
  }
}

function tooLarge(maxBytes: number): ImportError {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return new ImportError(
    `工作簿解压后超过 ${mb} MB 的上限（maxXlsxUncompressedBytes）。 / ` +
      `The workbook unpacks to more than the ${mb} MB limit (maxXlsxUncompressedBytes).`,
  )
}

/** Walks the central directory (zip64 included); sizes and offsets come from there, not from local headers. */
function readCentralDirectory(bytes: Uint8Array, onEntry: (name: string, entry: ZipEntry) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = bytes.length - 22
  const lowest = Math.max(0, eocd - 0xffff)
  while (eocd >= lowest && view.getUint32(eocd, true) !== 0x06054b50) eocd--
  if (eocd < lowest) throw new ImportError(NOT_XLSX_MESSAGE)
  let count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const zip64 = Number(view.getBigUint64(eocd - 12, true))
    if (view.getUint32(zip64, true) === 0x06064b50) {
      count = Number(view.getBigUint64(zip64 + 32, true))
      offset = Number(view.getBigUint64(zip64 + 48, true))
    }
  }
  const names = new TextDecoder('utf-8')
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new ImportError(NOT_XLSX_MESSAGE)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const entry: ZipEntry = {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      offset: view.getUint32(offset + 42, true),
    }
    readZip64Sizes(view, offset + 46 + nameLength, extraLength, entry)
    onEntry(names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)), entry)
    offset += 46 + nameLength + extraLength + view.getUint16(offset + 32, true)
  }
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order, only when saturated. */
function readZip64Sizes(view: DataView, from: number, length: number, entry: ZipEntry): void {
  for (let p = from; p + 4 <= from + length; p += 4 + view.getUint16(p + 2, true)) {
    if (view.getUint16(p, true) !== 0x0001) continue
    let field = p + 4
    for (const key of ['size', 'compressedSize', 'offset'] as const) {
      if (entry[key] !== 0xffffffff) continue
      entry[key] = Number(view.getBigUint64(field, true))
      field += 8
    }
  }
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\//, '').toLowerCase()
}

export function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/') + 1
  return `${partPath.slice(0, slash)}_rels/${partPath.slice(slash)}.rels`
}

/** Resolves a relationship target against the folder of the part that declares it. */
export function resolveTarget(dir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : dir + target).split('/')
  const out: string[] = []
  for (const segment of segments) {
    if (segment === '..') out.pop()
    else if (segment !== '.' && segment !== '') out.push(segment)
  }
  return out.join('/')
}
