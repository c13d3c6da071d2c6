import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEMO_CANONICAL, demoCanonical } from '../../../data/demo-canonical'
import { bytesSource, readCanonical } from '../../../src/import/canonical-read'
import { demoFileNames } from '../../../data/demo-report'

describe('the shipped demo in the fast reload format (data/demo.servicewall)', () => {
  it('is exactly what the exports in data/demo/ give today (npm run demo:generate rewrites it)', async () => {
    const committed = new Uint8Array(readFileSync(DEMO_CANONICAL))
    const fresh = await demoCanonical()
    expect(Buffer.from(committed).equals(Buffer.from(fresh)), 'data/demo.servicewall is stale: run npm run demo:generate').toBe(true)
    const files = (await readCanonical(bytesSource(committed), 'demo.servicewall'))!
    expect(files.map(f => f.report.file)).toEqual(demoFileNames())
    expect(files.every(f => f.ipc && f.report.error === null)).toBe(true)
  })
})
