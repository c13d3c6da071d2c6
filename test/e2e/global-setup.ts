import type { TestProject } from 'vitest/node'
import { existsSync } from 'node:fs'
import { build, preview } from 'vite'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

/** Builds the wall once and serves dist/ on loopback for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`)
  }
  await build({ logLevel: 'warn' })
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (address === null || typeof address === 'string') throw new Error('preview server has no port')
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`)
  return async () => {
    await new Promise<void>(resolve => server.httpServer.close(() => resolve()))
  }
}
