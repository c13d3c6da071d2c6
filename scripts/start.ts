/**
 * `npm start` after the build: serves dist/ with vite's preview server and the wall's
 * security headers (vite.config.ts). A busy port is one line and the next free port,
 * not a stack trace. The port comes from `--port N`, else $PORT, else 4173.
 * For a real deployment serve dist/ from a static server instead (docs/serving.md).
 */
import type { PreviewServer } from 'vite'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { preview } from 'vite'

export const DEFAULT_PORT = 4173

export interface StartOptions {
  port: number
  host: string
}

export function startOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: false })
  const text = typeof values.port === 'string' ? values.port : env.PORT
  const port = text === undefined || text === '' ? DEFAULT_PORT : Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`"${text}" is not a port number (0–65535)`)
  return { port, host: typeof values.host === 'string' ? values.host : '127.0.0.1' }
}

function portOf(server: PreviewServer): number {
  const address = server.httpServer.address()
  if (address === null || typeof address === 'string') throw new Error('the server has no port')
  return address.port
}

const busy = (e: unknown) => e instanceof Error && /already in use/.test(e.message)

/** Starts the server on the port asked for, or on the next free one when it is taken; `log` gets one line. */
export async function startServer(opts: StartOptions, log: (line: string) => void): Promise<PreviewServer> {
  const serve = (port: number, strictPort: boolean) => preview({ preview: { port, host: opts.host, strictPort }, logLevel: 'warn' })
  let server: PreviewServer
  let line: (url: string) => string
  try {
    server = await serve(opts.port, true)
    line = url => `servicewall: serving dist/ on ${url} (Ctrl+C stops)`
  }
  catch (e) {
    if (!busy(e)) throw e
    server = await serve(opts.port + 1, false)
    line = url => `servicewall: port ${opts.port} is busy, serving on ${url} instead (Ctrl+C stops)`
  }
  log(line(`http://${opts.host}:${portOf(server)}/`))
  return server
}

async function main(): Promise<void> {
  try {
    await startServer(startOptions(process.argv.slice(2), process.env), line => console.log(line))
  }
  catch (e) {
    console.error(`servicewall: cannot start the server: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) void main()
