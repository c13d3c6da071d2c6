import type { AsyncBuffer } from 'hyparquet'

/** Every byte range read from a URL, and whether the server sent the whole file instead. */
export interface RangeLog {
  byteLength: number
  ranges: [number, number][]
  /** Bytes received (the whole file when the server ignored Range). */
  bytes: number
  wholeFile: boolean
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** A message that says which URL failed and how; a network or CSP refusal has no status to show. */
function failed(url: string, what: string): Error {
  return new Error(`无法读取 ${url}：${what} / could not read ${url}: ${what}`)
}

/**
 * A file at a URL as hyparquet's AsyncBuffer: its size from a HEAD request, then one HTTP
 * Range request per slice (`bytes=a-b`, a CORS-safelisted header). A server that answers
 * 200 instead of 206 sent the whole file: it is kept and served from memory, and the log
 * says so (the reader never hides a full download).
 */
export async function rangeBuffer(url: string, fetchFn: Fetch = (u, i) => globalThis.fetch(u, i)): Promise<{ buffer: AsyncBuffer, log: RangeLog }> {
  const head = await fetchFn(url, { method: 'HEAD' }).catch((e: unknown) => {
    throw failed(url, e instanceof Error ? e.message : String(e))
  })
  if (!head.ok) throw failed(url, `HTTP ${head.status}`)
  const byteLength = Number(head.headers.get('content-length'))
  if (!Number.isFinite(byteLength) || byteLength <= 0) throw failed(url, 'no Content-Length')
  const log: RangeLog = { byteLength, ranges: [], bytes: 0, wholeFile: false }
  let whole: Promise<ArrayBuffer> | null = null

  async function slice(start: number, end = byteLength): Promise<ArrayBuffer> {
    if (whole) return (await whole).slice(start, end)
    const init = { headers: { Range: `bytes=${start}-${end - 1}` } }
    // A range read is idempotent: once more when the connection dropped (a server closes an idle keep-alive socket).
    const res = await fetchFn(url, init).catch(() => fetchFn(url, init)).catch((e: unknown) => {
      throw failed(url, e instanceof Error ? e.message : String(e))
    })
    if (res.status === 200) {
      log.wholeFile = true
      whole = res.arrayBuffer()
      log.bytes += (await whole).byteLength
      return (await whole).slice(start, end)
    }
    if (res.status !== 206) throw failed(url, `HTTP ${res.status}`)
    const body = await res.arrayBuffer()
    log.ranges.push([start, end])
    log.bytes += body.byteLength
    if (body.byteLength !== end - start) throw failed(url, `asked for ${end - start} bytes at ${start}, got ${body.byteLength}`)
    return body
  }
  return { buffer: { byteLength, slice }, log }
}
