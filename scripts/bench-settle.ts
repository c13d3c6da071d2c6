/**
 * When the wall is done: read the recorder's marks (bench-recorder.ts) until the wall is idle
 * and its KPI cells have been quiet for a while, then take the time of the last change to
 * them. The quiet wait is not part of the figure: the figure ends at the last change of the cells' values.
 */
import type { Page } from 'playwright-core'
import type { Marks } from './bench-recorder'
import { CELLS } from './bench-recorder'

export interface Settled {
  /** From the input (or navigation start) to the last KPI re-render or [data-busy] going, ms. */
  done: number
  /** From the input to [data-busy] appearing (the debounce and the queue before the queries), ms; null: never busy. */
  busy: number | null
  /** From the input to the first re-render that already showed the final cells, ms. */
  firstFinal: number | null
  /** From the input to the import summary appearing, ms. */
  summary: number | null
  cells: string
}

export interface SettleOpts { quietMs: number, timeoutMs: number, summary?: boolean, cellsNot?: string, cellsEq?: string }

export const pageNow = (page: Page): Promise<number> => page.evaluate('performance.now()') as Promise<number>

interface Probe { now: number, busy: boolean, cells: string, m: Marks }

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Waits for the wall to settle after `since` (page clock); times are from the first input after it, or from `since`. */
export async function settle(page: Page, since: number, o: SettleOpts): Promise<Settled> {
  const deadline = Date.now() + o.timeoutMs
  let last: Probe | null = null
  while (Date.now() < deadline) {
    await sleep(100)
    const p = await page.evaluate(`(() => {
      const after = xs => xs.filter(t => t > ${since});
      const m = window.benchMarks;
      return { now: performance.now(), busy: !!document.querySelector('[data-busy]'), cells: ${CELLS},
        m: { input: after(m.input), kpi: after(m.kpi), cells: m.cells.filter((_, i) => m.kpi[i] > ${since}), busyOn: after(m.busyOn), busyOff: after(m.busyOff), summary: after(m.summary) } };
    })()`).catch(() => null) as Probe | null
    if (!p) continue // a navigation is under way
    last = p
    const start = p.m.input[0] ?? since
    const marks = [...p.m.kpi, ...p.m.busyOn, ...p.m.busyOff, ...p.m.summary]
    const lastMark = Math.max(start, ...marks)
    const ready = !p.busy && p.cells !== '' && (p.m.kpi.length > 0 || p.m.busyOn.length > 0)
      && (!o.summary || p.m.summary.length > 0) && (o.cellsNot === undefined || p.cells !== o.cellsNot)
      && (o.cellsEq === undefined || p.cells === o.cellsEq) && p.now - lastMark >= o.quietMs
    if (!ready) continue
    const end = Math.max(p.m.kpi.at(-1) ?? start, p.m.busyOff.at(-1) ?? start)
    const final = p.m.kpi[p.m.cells.indexOf(p.cells)]
    return {
      done: Math.round(end - start),
      busy: p.m.busyOn[0] === undefined ? null : Math.round(p.m.busyOn[0] - start),
      firstFinal: final === undefined ? null : Math.round(final - start),
      summary: p.m.summary[0] === undefined ? null : Math.round(p.m.summary[0] - start),
      cells: p.cells,
    }
  }
  throw new Error(`the wall did not settle in ${o.timeoutMs} ms (busy ${last?.busy}, ${last?.m.kpi.length ?? 0} KPI re-renders, ${last?.cells.split('\n').length ?? 0} cells)`)
}
