import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORT, startOptions, startServer } from '../../scripts/start'

/** Holds `port` on 127.0.0.1; when something else already holds it, it is busy all the same. */
async function occupy(port: number): Promise<{ close: () => Promise<void> }> {
  const srv = createServer()
  await new Promise<void>((resolve) => {
    srv.once('error', () => resolve())
    srv.listen(port, '127.0.0.1', () => resolve())
  })
  return { close: () => new Promise(resolve => (srv.listening ? srv.close(() => resolve()) : resolve())) }
}

describe('npm start (scripts/start.ts)', () => {
  it('takes the port from --port, else PORT, else 4173, and refuses a bad one in words', () => {
    expect(startOptions([], {}).port).toBe(DEFAULT_PORT)
    expect(startOptions([], { PORT: '8080' }).port).toBe(8080)
    expect(startOptions(['--port', '9000'], { PORT: '8080' }).port).toBe(9000)
    expect(() => startOptions(['--port', 'x'], {})).toThrow('"x" is not a port number')
  })

  it('says in one line that 4173 is busy and serves the wall, with its CSP, on another port', async () => {
    const held = await occupy(DEFAULT_PORT)
    const lines: string[] = []
    const server = await startServer(startOptions([], {}), line => lines.push(line))
    try {
      const port = (server.httpServer.address() as AddressInfo).port
      expect(port).not.toBe(DEFAULT_PORT)
      expect(lines).toEqual([`servicewall: port ${DEFAULT_PORT} is busy, serving on http://127.0.0.1:${port}/ instead (Ctrl+C stops)`])
      const res = await fetch(`http://127.0.0.1:${port}/`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'")
    }
    finally {
      await server.close()
      await held.close()
    }
  })

  it('serves on the port asked for when it is free, in one line', async () => {
    const probe = createServer()
    const free = await new Promise<number>(resolve => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)))
    await new Promise(resolve => probe.close(resolve))
    const lines: string[] = []
    const server = await startServer({ port: free, host: '127.0.0.1' }, line => lines.push(line))
    await server.close()
    expect(lines).toEqual([`servicewall: serving dist/ on http://127.0.0.1:${free}/ (Ctrl+C stops)`])
  })
})
