import type { ImportedFile } from '../../../src/core/dataset'
import { describe, expect, it } from 'vitest'
import { CANONICAL_VERSION } from '../../../src/import/canonical-format'
import { blobSource, bytesSource, canonicalChunks, readCanonical } from '../../../src/import/canonical-read'
import { importFile } from '../../../src/import/import-file'
import { trainingToArrowIPC } from '../../../src/import/to-arrow'
import { reportFor } from '../helpers/engine'

const text = (s: string) => new TextEncoder().encode(s)
const join = (chunks: Uint8Array[]) => new Uint8Array(Buffer.concat(chunks))

async function sample(): Promise<ImportedFile[]> {
  return [
    await importFile(text('工单编号,创建时间,首次响应时间,解决时间,优先级,满意度\nA1,2026-03-02 09:00,2026-03-02 09:20,2026-03-02 10:00,紧急,非常满意\nA2,2026-03-03 09:00,,,低,超赞\n,2026-03-03 09:00,,,低,\n'), '金蝶云星辰_x.csv'),
    await importFile(text('厂商,参训人,培训日期\n金蝶云星辰,张伟,2026-03-01\n'), '培训记录.csv'),
    await importFile(text('工单编号,创建时间,优先级\nB1,2026-03-04 08:00,高\n'), 'export.csv', { vendor: 'Acme' }),
  ]
}

describe('the fast reload format (*.servicewall)', () => {
  it('gives back every file with its import report, rejected rows and known flags, and the same KPIs', async () => {
    const files = await sample()
    const bytes = join(canonicalChunks(files))
    const back = (await readCanonical(bytesSource(bytes), 'x.servicewall'))!
    expect(back.map(f => [f.kind, f.report, f.rejected, f.known])).toEqual(files.map(f => [f.kind, f.report, f.rejected, f.known]))
    expect(back.map(f => [...f.ipc!])).toEqual(files.map(f => [...f.ipc!]))
    expect(back[0]!.rejected).toHaveLength(1)
    const [a, b] = [await reportFor(files), await reportFor(back)]
    expect(b).toEqual(a)
    expect(b.overall.tickets).toBe(3)
  })

  it('reads a Blob by range the same as bytes', async () => {
    const bytes = join(canonicalChunks(await sample()))
    const [x, y] = [await readCanonical(blobSource(new Blob([bytes])), 'x'), await readCanonical(bytesSource(bytes), 'x')]
    expect(x!.map(f => f.report)).toEqual(y!.map(f => f.report))
  })

  it('is not taken for an export, and an export is not taken for it', async () => {
    expect(await readCanonical(bytesSource(text('工单编号,创建时间\nA1,2026-03-02 09:00\n')), 'a.csv')).toBeNull()
    const one = join(canonicalChunks([(await sample())[0]!]))
    const f = await importFile(one, 'one.servicewall')
    expect(f.report).toEqual((await sample())[0]!.report)
    const many = await importFile(join(canonicalChunks(await sample())), 'many.servicewall')
    expect(many.ipc).toBeNull()
    expect(many.report.error).toContain('holds 3 files')
  })

  it('a damaged file, another version or other columns are one error line, never a throw', async () => {
    const good = join(canonicalChunks(await sample()))
    const newer = good.slice()
    new DataView(newer.buffer).setUint32(12, CANONICAL_VERSION + 1, true)
    const cut = good.slice(0, good.length - 100)
    const header = good.slice(0, 40)
    const wrong = join(canonicalChunks([{ ...(await sample())[0]!, ipc: trainingToArrowIPC({ vendor: ['a'], person: ['b'], date: [1] }) }]))
    const cases: [Uint8Array, RegExp][] = [[newer, /version 2 cannot be read/], [cut, /cut off/], [header, /header is cut off/], [wrong, /has the columns vendor Utf8/]]
    for (const [bytes, why] of cases) {
      const out = (await readCanonical(bytesSource(bytes), 'bad.servicewall'))!
      expect(out).toHaveLength(1)
      expect(out[0]!.ipc).toBeNull()
      expect(out[0]!.report).toMatchObject({ file: 'bad.servicewall', loaded: 0 })
      expect(out[0]!.report.error).toMatch(why)
    }
  })
})
