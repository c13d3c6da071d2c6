import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'

/** What a request got: a byte range (206), or the whole file (200 to a GET without Range). */
export interface Served {
  method: string
  start: number
  end: number
  whole: boolean
}

/**
 * A static server for one file, as object storage would serve it: HEAD with the length,
 * GET with a single `Range: bytes=a-b` (206) or without (200, the whole file). It logs
 * every range it sent; `cors` adds the headers a deployer sets for another origin.
 */
export async function rangeServer(bytes: Uint8Array, path: string, opts: { ranges?: boolean, cors?: boolean } = {}) {
  const log: Served[] = []
  const server = createServer((req, res) => {
    if (opts.cors) {
      res.setHeader('Access-Control-Allow-Origin', '*')
      res.setHeader('Access-Control-Allow-Headers', 'Range')
      res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range')
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    if (req.url?.split('?')[0] !== path) return void res.writeHead(404).end()
    res.setHeader('Accept-Ranges', opts.ranges === false ? 'none' : 'bytes')
    res.setHeader('Content-Type', 'application/vnd.apache.parquet')
    if (req.method === 'HEAD') return void res.writeHead(200, { 'Content-Length': bytes.length }).end()
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    if (!m || opts.ranges === false) {
      log.push({ method: req.method ?? '', start: 0, end: bytes.length, whole: true })
      return void res.writeHead(200, { 'Content-Length': bytes.length }).end(bytes)
    }
    const start = Number(m[1])
    const end = Math.min(m[2] ? Number(m[2]) + 1 : bytes.length, bytes.length)
    if (start >= end) return void res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` }).end()
    log.push({ method: req.method ?? '', start, end, whole: false })
    res.writeHead(206, { 'Content-Length': end - start, 'Content-Range': `bytes ${start}-${end - 1}/${bytes.length}` })
    res.end(bytes.subarray(start, end))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    log,
    served: () => log.reduce((sum, s) => sum + s.end - s.start, 0),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}
