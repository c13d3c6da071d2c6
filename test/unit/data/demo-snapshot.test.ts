import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEMO_SNAPSHOT, demoFiles, demoWallConfig } from '../../../data/demo-snapshot'
import { Dataset } from '../../../src/core/dataset'
import { computeWall } from '../../../src/core/wall-batch'
import { createNodeEngine } from '../../../src/db/node-engine'
import { built, derivedTables, recording } from '../helpers/derived-tables'

describe('the shipped snapshot of the demo\'s built tables (data/demo.snapshot)', () => {
  it('is of today\'s build and puts back the tables a build of the demo and its first wall make (npm run demo:generate rewrites it)', async () => {
    const config = demoWallConfig()
    const raw = await createNodeEngine()
    const { engine, statements } = recording(raw)
    const ds = await Dataset.open(engine, config, { deferBuild: true })
    await ds.replace(await demoFiles(), config, new Uint8Array(readFileSync(DEMO_SNAPSHOT)))
    expect(built(statements), 'data/demo.snapshot is stale: run npm run demo:generate').toBe(false)
    const ref = await createNodeEngine()
    const plain = await Dataset.open(ref, config)
    await plain.replace(await demoFiles(), config)
    // The snapshot holds the unfiltered wall's quantile caches too.
    const wall = await computeWall(ref, config, {}, plain.importReport())
    expect(await derivedTables(raw)).toEqual(await derivedTables(ref))
    expect(await computeWall(raw, config, {}, ds.importReport())).toEqual(wall)
    await raw.close()
    await ref.close()
  }, 120_000)
})
