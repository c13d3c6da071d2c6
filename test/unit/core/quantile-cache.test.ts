import type { Filters } from '../../../src/core/filters'
import { describe, expect, it } from 'vitest'
import { mergeConfig } from '../../../src/core/config-merge'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'
import { importFile } from '../../../src/import/import-file'
import { DEMO_DIR, demoFileNames, demoReport } from '../../../data/demo-report'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The wall's sequence (an unfiltered report first, then one vendor or one month) may read
 * quantiles from caches built by the first report; a one-shot filtered report (the CLI)
 * computes them from the tickets. Both must give the same numbers.
 */
describe('quantile caches', () => {
  it('a report after the unfiltered one equals the same report computed alone', async () => {
    const config = mergeConfig({ headcount: 40 })
    const engine = await createNodeEngine()
    const ds = await Dataset.open(engine, config)
    await ds.add(await Promise.all(demoFileNames().map(n => importFile(new Uint8Array(readFileSync(join(DEMO_DIR, n))), n))))
    await computeReport(engine, config, {}, ds.importReport())
    const [caches] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'kpi_quantiles%'`)
    expect(caches!.n).toBeGreaterThan(0) // the cached path is the one under test
    const cases: Filters[] = [
      { vendors: ['用友U9'] },
      { from: '2026-03', to: '2026-03' },
      { vendors: ['SAP B1'], from: '2026-05', to: '2026-05' },
    ]
    for (const f of cases) {
      const warm = await computeReport(engine, config, f, ds.importReport())
      const alone = await demoReport({ from: null, to: null, vendors: [], ...f })
      const strip = (r: typeof warm) => JSON.parse(JSON.stringify({ ...r, import: null, filters: null }))
      const a = strip(warm)
      const b = strip(alone)
      const diff: string[] = []
      const walk = (x: unknown, y: unknown, p: string) => {
        if (typeof x === 'number' && typeof y === 'number') {
          if (Math.abs(x - y) > 1e-9) diff.push(`${p}: ${x} vs ${y}`)
        }
        else if (x && y && typeof x === 'object') {
          for (const k of new Set([...Object.keys(x), ...Object.keys(y as object)])) walk((x as never)[k], (y as never)[k], `${p}.${k}`)
        }
        else if (x !== y) diff.push(`${p}: ${String(x)} vs ${String(y)}`)
      }
      walk(a, b, JSON.stringify(f))
      expect(diff).toEqual([])
    }
    await engine.close()
  })
})
