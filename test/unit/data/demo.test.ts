import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, HEADCOUNT, type GenerateResult } from '../../../data/generate.ts'
import { checkFile } from '../../../data/gen/check.ts'
import { parseCsv } from '../../../data/gen/readback.ts'

const DATA = join(import.meta.dirname, '../../../data')
const DEMO = join(DATA, 'demo')

interface Manifest {
  files: { file: string, vendor: string, tickets: number, data_rows: number, bad_rows: number, duplicates: number }[]
  training: { file: string, trained: Record<string, number> }
}

describe('demo dataset', () => {
  let tmp = ''
  let result: GenerateResult
  const manifest = JSON.parse(readFileSync(join(DATA, 'demo-manifest.json'), 'utf8')) as Manifest

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'servicewall-demo-'))
    result = generate(join(tmp, 'demo'), join(tmp, 'demo-config.json'))
  })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('is what data/generate.ts writes, byte for byte (regenerate with npx tsx data/generate.ts)', () => {
    const names = readdirSync(join(tmp, 'demo')).sort()
    expect(readdirSync(DEMO).sort()).toEqual(names)
    for (const name of names) {
      expect(Buffer.compare(readFileSync(join(tmp, 'demo', name)), readFileSync(join(DEMO, name))), name).toBe(0)
    }
    expect(JSON.parse(readFileSync(join(DATA, 'demo-config.json'), 'utf8'))).toEqual({ headcount: HEADCOUNT })
  })

  it('has five vendors in five formats, 1,500–3,000 tickets each', () => {
    expect(new Set(manifest.files.map((f) => f.file.split('_')[0]))).toEqual(new Set(manifest.files.map((f) => f.vendor)))
    expect(manifest.files).toHaveLength(5)
    for (const f of manifest.files) {
      expect(f.tickets).toBeGreaterThanOrEqual(1500)
      expect(f.tickets).toBeLessThanOrEqual(3000)
      expect(f.tickets).toBe(f.data_rows - f.bad_rows - f.duplicates)
    }
  })

  it('reads back as the manifest and the canonical tickets say', async () => {
    for (const e of result.exports) {
      const { problems } = await checkFile(DEMO, e.manifest, e.tickets)
      expect(problems, e.file).toEqual([])
    }
  })

  it('training records cover each vendor as the manifest says', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(DEMO, manifest.training.file), 'utf8'))
    expect(header).toEqual(['厂商', '参训人', '培训日期', '课程'])
    const people = new Map<string, Set<string>>()
    for (const [vendor = '', person = ''] of rows) people.set(vendor, (people.get(vendor) ?? new Set()).add(person))
    for (const [vendor, n] of Object.entries(manifest.training.trained)) expect(people.get(vendor)?.size ?? 0, vendor).toBe(n)
  })
})
