import type { Engine } from '../../../src/core/engine'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'
import { fileOf } from '../helpers/tickets'

/** The Node engine, with a statement that fails while `failOn` matches it. */
function faulty(engine: Engine): Engine & { failOn: RegExp | null } {
  const fail = (sql: string) => {
    if (wrapped.failOn?.test(sql)) throw new Error(`injected failure: ${sql.slice(0, 40)}`)
  }
  const wrapped: Engine & { failOn: RegExp | null } = {
    failOn: null,
    exec: async (sql) => {
      fail(sql)
      return engine.exec(sql)
    },
    query: async (sql, params) => {
      fail(sql)
      return engine.query(sql, params)
    },
    insertArrowIPC: async (table, ipc, create) => {
      fail(`INSERT ARROW ${table}`)
      return engine.insertArrowIPC(table, ipc, create)
    },
    close: () => engine.close(),
  }
  return wrapped
}

const tickets = (vendor: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${vendor}-${i}`, vendor, created: '2025-03-03 10:00', response: '2025-03-03 10:30' }))

const open: Engine[] = []
afterEach(async () => {
  for (const e of open.splice(0)) await e.close()
})

async function setup() {
  const engine = faulty(await createNodeEngine())
  open.push(engine)
  const ds = await Dataset.open(engine, DEFAULT_CONFIG)
  await ds.add([fileOf('a.csv', tickets('A', 3))])
  const count = async () => (await ds.run(() => computeReport(engine, DEFAULT_CONFIG, {}, ds.importReport()))).overall.tickets
  const tables = async () => (await engine.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'raw_tickets_%' ORDER BY 1`)).map(r => r.t)
  return { engine, ds, count, tables }
}

describe('a failed rebuild keeps the previous data', () => {
  it.each([
    ['the kpi cube', /^CREATE TABLE kpi_cube_n AS/],
    ['the tickets table', /^CREATE TABLE tickets_n AS/],
    ['the ENUM types', /^CREATE TYPE sw_vendor_n/],
    ['the swap\'s last statement', /^ALTER TABLE ticket_duplicates_n RENAME/],
  ])('a file whose rebuild fails at %s is listed with the error; the earlier data answers and more can load', async (_, at) => {
    const { engine, ds, count, tables } = await setup()
    engine.failOn = at
    await ds.add([fileOf('b.csv', tickets('B', 5))])
    engine.failOn = null
    const b = ds.importReport().files.find(f => f.file === 'b.csv')!
    expect(b.error).toContain('injected failure')
    expect(b.loaded).toBe(0)
    expect(await count()).toBe(3)
    expect(await tables()).toEqual(['raw_tickets_0'])
    await ds.add([fileOf('c.csv', tickets('C', 2))])
    expect(await count()).toBe(5)
    expect(ds.importReport().files.map(f => [f.file, f.loaded])).toEqual([['a.csv', 3], ['b.csv', 0], ['c.csv', 2]])
  })

  it('a file that fails while it is staged leaves nothing behind, and the others of its batch load', async () => {
    const { engine, ds, count, tables } = await setup()
    engine.failOn = /^INSERT ARROW raw_tickets_1$/
    await ds.add([fileOf('b.csv', tickets('B', 5)), fileOf('c.csv', tickets('C', 2))])
    engine.failOn = null
    expect(ds.importReport().files.map(f => [f.file, f.loaded, f.error !== null])).toEqual([['a.csv', 3, false], ['b.csv', 0, true], ['c.csv', 2, false]])
    expect(await tables()).toEqual(['raw_tickets_0', 'raw_tickets_2'])
    expect(await count()).toBe(5)
  })

  it('a config change or a clear that fails rejects and keeps the data and the old config', async () => {
    const { engine, ds, count } = await setup()
    engine.failOn = /^CREATE TABLE kpi_cube_nc/
    await expect(ds.setConfig({ ...DEFAULT_CONFIG, recurrenceDays: 7 })).rejects.toThrow('injected failure')
    await expect(ds.clear()).rejects.toThrow('injected failure')
    await expect(ds.replace([fileOf('z.csv', tickets('Z', 9))], DEFAULT_CONFIG)).rejects.toThrow('injected failure')
    engine.failOn = null
    expect(await count()).toBe(3)
    expect(ds.importReport().files.map(f => f.file)).toEqual(['a.csv'])
    await ds.clear()
    expect(await count()).toBe(0)
  })
})

describe('whole operations, one at a time', () => {
  it('reports asked for during a load all succeed and see the old or the new data, never a missing table', async () => {
    const { ds, count } = await setup()
    const load = ds.add([fileOf('b.csv', tickets('B', 2000))])
    const reports = Array.from({ length: 8 }, () => count())
    const replace = ds.replace([fileOf('z.csv', tickets('Z', 7))], DEFAULT_CONFIG)
    const after = Array.from({ length: 4 }, () => count())
    await load
    await replace
    const seen = await Promise.all([...reports, ...after])
    expect(seen.slice(0, 8)).toEqual(Array.from({ length: 8 }, () => 2003))
    expect(seen.slice(8)).toEqual([7, 7, 7, 7])
  })

  it('a failed operation does not stop the ones queued after it', async () => {
    const { ds, count } = await setup()
    const failing = ds.run(async () => {
      throw new Error('boom')
    })
    const next = count()
    await expect(failing).rejects.toThrow('boom')
    expect(await next).toBe(3)
  })
})
