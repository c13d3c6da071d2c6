/**
 * The snapshot of the demo's built tables (data/demo.snapshot, src/core/snapshot.ts): what the
 * wall's first visit builds from data/demo.servicewall under the demo's settings, with the
 * quantile caches of the unfiltered wall, so that the first visit puts the tables back instead
 * of building them. Only a shortcut: a wall whose
 * settings or build differ builds as always. `npm run demo:generate` rewrites it after the
 * converted demo; test/unit/data/demo-snapshot.test.ts fails when it is not of today's build.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import demoConfig from './demo-config.json'
import { DEFAULT_CONFIG } from '../src/core/config'
import { withDemoSettings } from '../src/core/config-demo'
import { Dataset } from '../src/core/dataset'
import { computeWall } from '../src/core/wall-batch'
import { createNodeEngine } from '../src/db/node-engine'
import { bytesSource, readCanonical } from '../src/import/canonical-read'
import { DEMO_CANONICAL } from './demo-canonical'
import { DATA_DIR } from './demo-report'

export const DEMO_SNAPSHOT = join(DATA_DIR, 'demo.snapshot')

/** The demo's settings as a first visit has them (no settings of the user's own). */
export const demoWallConfig = () => withDemoSettings(DEFAULT_CONFIG, demoConfig)

/** The demo's files as the wall reads them from data/demo.servicewall. */
export async function demoFiles() {
  const files = await readCanonical(bytesSource(new Uint8Array(readFileSync(DEMO_CANONICAL))), 'demo.servicewall')
  if (!files) throw new Error('data/demo.servicewall is not a converted file')
  return files
}

/** The snapshot the wall's first visit would take of the demo. */
export async function demoSnapshot(): Promise<Uint8Array> {
  const engine = await createNodeEngine()
  try {
    const config = demoWallConfig()
    const ds = await Dataset.open(engine, config, { deferBuild: true })
    await ds.replace(await demoFiles(), config)
    // The first wall's quantile caches come with it, as after a visit of the wall.
    await ds.run(() => computeWall(engine, config, {}, ds.importReport()))
    const chunks = await ds.snapshot()
    if (!chunks) throw new Error('the demo gave no snapshot')
    return Buffer.concat(chunks)
  }
  finally {
    await engine.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DEMO_SNAPSHOT, await demoSnapshot())
  console.log(`wrote ${DEMO_SNAPSHOT}`)
}
