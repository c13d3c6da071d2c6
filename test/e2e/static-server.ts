import type { AddressInfo } from 'node:net'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.csv': 'text/csv',
}

/**
 * The wall's dist/ plus a published data folder under /data/, on 127.0.0.1 port 0: the same
 * origin, as a real deployment has it. ETags are size-mtime, so a rewritten file gets a new one.
 */
export async function serveWallWithData(dist: string, data: string): Promise<{ url: string, close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x')
    const rel = decodeURIComponent(u.pathname)
    const file = rel.startsWith('/data/') ? path.join(data, rel.slice(6)) : path.join(dist, rel === '/' ? 'index.html' : rel)
    const root = rel.startsWith('/data/') ? data : dist
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    const st = statSync(file)
    const etag = `"${st.size}-${st.mtimeMs}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end()
      return
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'ETag': etag, 'Cache-Control': 'no-cache' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise(resolve => server.close(() => resolve())) }
}
