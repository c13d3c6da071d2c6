import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launch } from './browser'
import { idle } from './persist-helpers'

const base = inject('baseURL')
// 1000 rotations + 1000 filter changes by default (about 100 s per 300 steps on 2 busy cores); SOAK_STEPS=5000 for a longer run.
const STEPS = Number(process.env.SOAK_STEPS ?? 1000)
const WARMUP = 100
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

/**
 * Waits for the KPI table without an ElementHandle: Playwright keeps a handle's element alive
 * until it is disposed, and a handle into a page that is later switched away would be counted
 * as a leak of the wall.
 */
async function tableShown(page: Page): Promise<void> {
  const h = await page.waitForFunction(() => !!document.querySelector('[data-testid="kpi-table"] td[data-kpi]'), undefined, { timeout: 60_000 })
  await h.dispose()
}

interface Sample { heap: number, nodes: number, listeners: number, charts: number, chartHosts: number, duckdb: number }

async function sample(page: Page, cdp: CDPSession): Promise<Sample> {
  await idle(page)
  await page.click('[data-testid="open-storage"]')
  const duckdb = Number(await page.locator('[data-testid="engine-memory"]').getAttribute('data-bytes'))
  await page.click('[data-testid="storage-close"]')
  // ECharts marks the host of a live instance; dispose() empties the mark. Counted on a chart page.
  await page.click('[data-page-tab="response"]')
  await (await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart"]').length > 0)).dispose()
  await idle(page)
  const charts = await page.evaluate(() => ({
    live: [...document.querySelectorAll('[_echarts_instance_]')].filter(e => e.getAttribute('_echarts_instance_')).length,
    hosts: document.querySelectorAll('[data-testid="chart"]').length,
  }))
  await page.click('[data-page-tab="overview"]')
  await tableShown(page)
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize
  const dom = await cdp.send('Memory.getDOMCounters')
  return { heap, nodes: dom.nodes, listeners: dom.jsEventListeners, charts: charts.live, chartHosts: charts.hosts, duckdb }
}

/** `n` steps in the page: each shows the next page and applies another month range. */
function rotate(page: Page, from: number, n: number): Promise<void> {
  return page.evaluate(async ([start, count]) => {
    const frame = () => new Promise(r => requestAnimationFrame(() => r(null)))
    // The wall's pages, as kiosk rotates them; the monthly report is a separate printable view without the wall around it.
    const tabs = [...document.querySelectorAll<HTMLButtonElement>('[data-page-tab]:not([data-page-tab="report"])')]
    const months = () => [...document.querySelectorAll<HTMLOptionElement>('[data-testid="filter-from"] option')].map(o => o.value).filter(Boolean)
    for (let i = start; i < start + count; i++) {
      tabs[i % tabs.length]!.click()
      const sel = document.querySelector<HTMLSelectElement>('[data-testid="filter-from"]')!
      const m = months()
      sel.value = m[i % m.length]!
      sel.dispatchEvent(new Event('change', { bubbles: true }))
      await frame()
      await frame()
      // Let the engine answer now and then, as a wall does between rotations.
      if (i % 50 === 49) while (document.querySelector('[data-busy]')) await frame()
    }
    tabs[0]!.click()
  }, [from, n] as const)
}

describe('a long run', () => {
  it(`rotates pages ${STEPS} times and re-applies filters ${STEPS} times with flat JS heap, DOM, ECharts instances and DuckDB memory`, { timeout: 1_200_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${base}?page=overview&from=2026-01&to=2026-11`)
    await tableShown(page)
    const cdp = await page.context().newCDPSession(page)
    const reset = async () => {
      await page.selectOption('[data-testid="filter-from"]', '2026-01')
      await page.selectOption('[data-testid="filter-to"]', '2026-11')
      await tableShown(page)
    }
    await rotate(page, 0, WARMUP)
    await reset()
    const before = await sample(page, cdp)
    for (let done = 0; done < STEPS; done += 250) await rotate(page, WARMUP + done, Math.min(250, STEPS - done))
    await reset()
    const after = await sample(page, cdp)
    const ratio = (k: keyof Sample) => after[k] / before[k]
    console.log('soak', JSON.stringify({ steps: STEPS, before, after, heap: ratio('heap').toFixed(3), nodes: ratio('nodes').toFixed(3), duckdb: ratio('duckdb').toFixed(3) }))
    expect(errors).toEqual([])
    expect(after.charts).toBe(after.chartHosts)
    expect(after.charts).toBe(before.charts)
    expect(after.charts).toBeGreaterThan(0)
    expect(ratio('heap')).toBeLessThan(1.2)
    expect(ratio('nodes')).toBeLessThan(1.1)
    expect(ratio('listeners')).toBeLessThan(1.1)
    expect(ratio('duckdb')).toBeLessThan(1.2)
  })
})
