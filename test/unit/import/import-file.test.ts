import { describe, expect, it } from 'vitest'
import { importFile } from '../../../src/import/import-file'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('importFile', () => {
  it('reports values it kept but did not understand', async () => {
    const f = await importFile(bytes('工单编号,创建时间,满意度\nA1,2026-03-02 09:00,非常满意\nA2,2026-03-02 09:00,超赞\n'), '金蝶云星辰_x.csv')
    expect(f.report).toMatchObject({ kind: 'tickets', rows: 2, loaded: 2, rejected: 0, vendor: '金蝶云星辰', error: null })
    expect(f.report.warnings).toEqual([expect.stringContaining('satisfaction: 1 value not understood')])
    expect(f.report.warnings?.[0]).toContain('"超赞" on row 3')
  })

  it('takes a training-records file as such', async () => {
    const f = await importFile(bytes('厂商,参训人,培训日期\n用友U9,张伟,2026-03-01\n用友U9,,2026-03-01\n'), '培训记录.csv')
    expect(f.kind).toBe('training')
    expect(f.report).toMatchObject({ kind: 'training', rows: 2, loaded: 1, rejected: 1 })
    expect(f.rejected).toEqual([{ file: '培训记录.csv', row: 3, reason: expect.stringContaining('person') }])
  })

  it('never throws for a bad file: the error is in its report', async () => {
    const f = await importFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls')
    expect(f.ipc).toBeNull()
    expect(f.report.error).toMatch(/xlsx/i)
  })
})
