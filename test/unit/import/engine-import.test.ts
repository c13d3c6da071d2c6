/**
 * The engine import against the JS import: for every CSV fixture (data/demo, test/fixtures, the
 * peer suites) and for hostile variants of the demo exports, the same report, rejected rows and
 * canonical tickets. Where the engine path serves, the test also says so, so a silent fallback
 * to the JS import cannot pass for the engine.
 */
import type { Engine } from '../../../src/core/engine'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeEngine } from '../../../src/db/node-engine'
import { benchCsv } from '../../../scripts/bench-data'
import { dropImportLeftovers, readCsvInEngine } from '../../../src/import/engine-csv'
import { importIntoEngine } from '../../../src/import/engine-import'
import { importFile } from '../../../src/import/import-file'
import { DEFAULT_READ_LIMITS } from '../../../src/import/types'
import { bothPaths, hostileVariant } from './engine-differential'

const PEER = '../shared/peer'
const peerMissing = !existsSync(PEER)
if (peerMissing) console.warn(`the peer CSV suites are not at ${PEER}: their files are left out of the engine import's comparison`)
const CSV_DIRS = ['data/demo', 'test/fixtures', ...(peerMissing ? [] : [PEER])]
const csvFiles = execFileSync('find', [...CSV_DIRS, '-iname', '*.csv', '-type', 'f'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).sort()
const DEMO_TICKETS = ['data/demo/简道云ERP_工单导出.csv', 'data/demo/纷享销客_jira_service_management.csv', 'data/demo/用友U9_zendesk_export.csv']

let engine: Engine
beforeAll(async () => {
  engine = await createNodeEngine()
})
afterAll(async () => {
  await engine.close()
})

describe('engine import = JS import', () => {
  it('covers the fixtures', () => {
    // About 300 with the peer suites, the demo's and our own fixtures' alone without them.
    expect(csvFiles.length).toBeGreaterThan(peerMissing ? DEMO_TICKETS.length : 250)
  })

  it('every CSV fixture gives the same report, rejected rows and tickets', async () => {
    let viaEngine = 0
    for (const f of csvFiles) {
      const { js, en } = await bothPaths(engine, new Uint8Array(readFileSync(f)), basename(f))
      expect(en.file, f).toEqual(js.file)
      expect(en.tickets, f).toEqual(js.tickets)
      if (en.engine) viaEngine++
    }
    expect(viaEngine).toBeGreaterThanOrEqual(DEMO_TICKETS.length)
  }, 600_000)

  it.each(DEMO_TICKETS)('%s goes through the engine', async (f) => {
    const { js, en } = await bothPaths(engine, new Uint8Array(readFileSync(f)), basename(f))
    expect(en.engine).toBe(true)
    expect(en.file).toEqual(js.file)
    expect(en.tickets).toEqual(js.tickets)
  })

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('hostile variants of the demo exports (seed %i)', async (seed) => {
    for (const f of DEMO_TICKETS) {
      const bytes = hostileVariant(new Uint8Array(readFileSync(f)), seed * 31 + f.length)
      const { js, en } = await bothPaths(engine, bytes, basename(f))
      const where = `${f} seed ${seed}`
      expect(en.engine, where).toBe(true)
      expect(js.file.rejected.length, where).toBeGreaterThan(0)
      expect(en.file, where).toEqual(js.file)
      expect(en.tickets, where).toEqual(js.tickets)
    }
  }, 120_000)

  // Scores 1..5 (the ×2 scale) instead of labels in one case: each satisfaction path is taken.
  it.each([[0, 0, false], [0, 0, true], [11, 0.002, true], [12, 0.01, false]])('the synthetic bench export (seed %i, %f of the cells hostile, scores %s)', async (seed, rate, scores) => {
    const text = benchCsv(3000, 5)
    const clean = new TextEncoder().encode(scores ? text.replace(/,非常满意,/g, ',5,').replace(/,满意,/g, ',4,').replace(/,不满意,/g, ',2,') : text)
    const bytes = rate === 0 ? clean : hostileVariant(clean, seed, rate, 3000)
    const { js, en } = await bothPaths(engine, bytes, 'bench_tickets.csv')
    expect(en.engine).toBe(true)
    expect(js.file.report.loaded).toBeGreaterThan(2000)
    expect(en.file).toEqual(js.file)
    expect(en.tickets).toEqual(js.tickets)
  })
})

describe('the engine import in the wall\'s circumstances', () => {
  const tables = async () => (await engine.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal`)).map(r => r.t).filter(t => t.startsWith('sw_imp')).sort()
  const rowsOf = (table: string) => engine.query(`SELECT * EXCLUDE (row_no) FROM ${table} ORDER BY row_no`)

  it('dropImportLeftovers takes out what an import that never finished left in DuckDB, and nothing else', async () => {
    await engine.exec('CREATE TABLE keep_me AS SELECT 1 AS x')
    const csv = await readCsvInEngine(engine, new Uint8Array(readFileSync(DEMO_TICKETS[0]!)), undefined)
    expect(csv).not.toBeNull()
    expect(await tables()).toEqual([`${csv!.p}_raw`, `${csv!.p}_rows`])
    await dropImportLeftovers(engine)
    expect(await tables()).toEqual([])
    expect(await engine.query('SELECT x FROM keep_me')).toEqual([{ x: 1 }])
    await engine.exec('DROP TABLE keep_me')
  })

  it('DuckDB reads a UTF-8 file itself (after its byte order mark), and the transcoded bytes of any other: the same tickets either way', async () => {
    const registered: string[] = []
    // As the browser's engine: DuckDB reads the Blob as it scans (here: its bytes, registered whole).
    const reading: Engine = { ...engine,
      registerFile: async (name, b) => {
        registered.push('bytes')
        await engine.registerFile!(name, b)
      },
      registerBlob: async (name, blob) => {
        registered.push(`blob of ${blob.size}`)
        await engine.registerFile!(name, new Uint8Array(await blob.arrayBuffer()))
      } }
    for (const name of DEMO_TICKETS) {
      const bytes = new Uint8Array(readFileSync(name))
      registered.length = 0
      let released = 0
      const fromBlob = await importIntoEngine(reading, bytes.slice(), basename(name), {}, undefined, { blob: new Blob([bytes]), release: () => released++ })
      const fromBytes = await importIntoEngine(engine, bytes.slice(), basename(name))
      const bom = bytes[0] === 0xef
      const utf8 = fromBytes.report.encoding.startsWith('utf-8')
      expect(registered).toEqual([utf8 ? `blob of ${bytes.length - (bom ? 3 : 0)}` : 'bytes'])
      // The caller's bytes may go once DuckDB reads the file itself, not before and not otherwise.
      expect(released).toBe(utf8 ? 1 : 0)
      expect(fromBlob.report).toEqual(fromBytes.report)
      expect(await rowsOf(fromBlob.table!)).toEqual(await rowsOf(fromBytes.table!))
      await engine.exec(`DROP TABLE ${fromBlob.table}`)
      await engine.exec(`DROP TABLE ${fromBytes.table}`)
    }
    // Past maxEngineBytes the bytes are not handed to DuckDB (the JS import reads the file); a file DuckDB reads itself has no such cap.
    const small = new TextEncoder().encode('Vendor,Ticket ID,Created time\nAcme,A-1,2026-11-20 10:00\nAcme,A-2,2026-11-20 11:00\n')
    const limits = { ...DEFAULT_READ_LIMITS, maxEngineBytes: small.length - 1 }
    registered.length = 0
    const capped = await importIntoEngine(reading, small.slice(), 'Acme_tickets.csv', { limits })
    expect(capped.table ?? null).toBeNull()
    expect(capped.report).toEqual((await importFile(small.slice(), 'Acme_tickets.csv')).report)
    expect(registered).toEqual([])
    expect(await readCsvInEngine(reading, small.slice(), undefined, { ...limits, maxEngineBytes: small.length })).not.toBeNull()
    await dropImportLeftovers(engine)
    const fromFile = await importIntoEngine(reading, small.slice(), 'Acme_tickets.csv', { limits }, undefined, { blob: new Blob([small]) })
    expect(registered).toEqual(['bytes', `blob of ${small.length}`])
    expect(fromFile.report.loaded).toBe(2)
    await engine.exec(`DROP TABLE ${fromFile.table}`)
    // Bytes let go (as the worker detaches them) and then an unforeseen DuckDB error: the JS import reads the file again.
    const text = new TextEncoder().encode('Vendor,Ticket ID,Created time\nAcme,A-1,2026-11-20 10:00\n')
    const failing: Engine = { ...reading, exec: async (sql) => {
      if (sql.startsWith('CREATE TABLE sw_imported')) throw new Error('simulated DuckDB error')
      await engine.exec(sql)
    } }
    const given = text.slice()
    const f = await importIntoEngine(failing, given, 'Acme_tickets.csv', {}, async () => text.slice(), { blob: new Blob([text]), release: () => structuredClone(given.buffer, { transfer: [given.buffer] }) })
    expect(given.byteLength).toBe(0)
    expect(f.table ?? null).toBeNull()
    expect(f.report).toEqual((await importFile(text.slice(), 'Acme_tickets.csv')).report)
    expect(await tables()).toEqual([])
  })

  it('an engine that takes the bytes over (a transfer) and then fails still gives the JS import, from the bytes read again', async () => {
    const text = 'Vendor,Ticket ID,Created time,Initial response time\nAcme,A-1,2026-11-20 10:00,2026-11-20 10:30\nAcme,A-2,2026-11-20 11:00,2026-11-20 11:30\n'
    const bytes = new TextEncoder().encode(text)
    // Detaches the buffer as postMessage with a transfer does; read_csv then fails as DuckDB may, unforeseen.
    const taking: Engine = { ...engine,
      registerFile: async (name, b) => {
        await engine.registerFile!(name, b.slice())
        structuredClone(b.buffer, { transfer: [b.buffer] })
      },
      exec: async (sql) => {
        if (sql.includes('read_csv(')) throw new Error('simulated DuckDB error')
        await engine.exec(sql)
      } }
    const f = await importIntoEngine(taking, bytes.slice(), 'Acme_tickets.csv', {}, async () => bytes.slice())
    expect(f.table ?? null).toBeNull()
    expect(f.report).toEqual((await importFile(bytes.slice(), 'Acme_tickets.csv')).report)
    expect(f.report.loaded).toBe(2)
    // Without the bytes read again, the JS import would have met an emptied buffer.
    expect((await importIntoEngine(taking, bytes.slice(), 'Acme_tickets.csv')).report.error).toContain('empty')
    expect(await tables()).toEqual([])
  })
})
