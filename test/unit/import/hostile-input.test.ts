import { describe, expect, it } from 'vitest'
import { importFile } from '../../../src/import/import-file'
import { DEFAULT_READ_LIMITS } from '../../../src/import/types'
import { engine, reportFor } from '../helpers/engine'
import { HOSTILE_CATEGORY, HOSTILE_FILE, HOSTILE_VENDOR, hostileCsv } from '../helpers/hostile'

const enc = (s: string) => new TextEncoder().encode(s)
const csv = (lines: string[]) => enc(`${lines.join('\n')}\n`)

describe('hostile headers and values (Node)', () => {
  it('loads every row, keeps the names as text, and leaves the tables and Object.prototype alone', async () => {
    const file = await importFile(hostileCsv(), HOSTILE_FILE)
    expect(file.report.error).toBeNull()
    expect(file.report.loaded).toBe(3)
    const r = await reportFor([file])
    expect(r.vendors.map(v => v.vendor).sort()).toEqual([HOSTILE_VENDOR, 'Plain'].sort())
    expect(r.overall.tickets).toBe(3)
    expect(r.import.files[0]!.file).toBe(HOSTILE_FILE)
    const [row] = await (await engine()).query<{ n: number, cat: string }>('SELECT count(*)::INTEGER AS n, any_value(category)::VARCHAR AS cat FROM tickets')
    expect(row).toEqual({ n: 3, cat: HOSTILE_CATEGORY })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it('headers that differ only in case do not break the load, whichever is taken', async () => {
    const file = await importFile(csv(['ticket id,TICKET ID,Created Time,CREATED TIME,vendor,VENDOR', 'A1,B1,2026-11-20 10:00,2026-11-21 10:00,V,W']), 'case.csv')
    expect(file.report.error).toBeNull()
    expect(file.report.loaded).toBe(1)
    const r = await reportFor([file])
    expect(r.overall.tickets).toBe(1)
  })

  it('a file named like SQL is data, not SQL', async () => {
    const name = "x'); DROP TABLE tickets; --.csv"
    const r = await reportFor([await importFile(csv(['Ticket ID,Vendor,Created time', 'A1,V,2026-11-20 10:00']), name)])
    expect(r.import.files.map(f => f.file)).toEqual([name])
    expect(r.overall.tickets).toBe(1)
  })
})

describe('caps before memory', () => {
  it('a CSV over the row or cell cap is refused with the cap named, before any row is mapped', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 5 }
    const lines = ['Ticket ID,Vendor,Created time', ...Array.from({ length: 6 }, (_, i) => `A${i},V,2026-11-20 10:00`)]
    const file = await importFile(csv(lines), 'big.csv', { limits })
    expect(file.report.error).toContain('maxRows')
    expect(file.ipc).toBeNull()
    const ok = await importFile(csv(lines.slice(0, 5)), 'ok.csv', { limits })
    expect(ok.report.loaded).toBe(4)
    expect((await importFile(csv(lines), 'cells.csv', { limits: { ...DEFAULT_READ_LIMITS, maxCells: 20 } })).report.error).toContain('maxCells')
  })

  it('a file over the byte cap is refused from its size', async () => {
    const file = await importFile(csv(['Ticket ID,Vendor,Created time', 'A1,V,2026-11-20 10:00']), 'x.csv', { limits: { ...DEFAULT_READ_LIMITS, maxFileBytes: 10 } })
    expect(file.report.error).toContain('maxFileBytes')
  })
})
