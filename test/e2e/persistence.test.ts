import type { BrowserContext, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { idle, launchProfile, newProfile, openWall, settledTable, storageInfo, tableText } from './persist-helpers'
import { confirmVendorsUntilSummary, demoFiles, dropFiles, waitForTable } from './wall-helpers'

const base = inject('baseURL')
const contexts: BrowserContext[] = []
const profiles: string[] = []

async function profile(dir = newProfile()): Promise<{ ctx: BrowserContext, dir: string }> {
  profiles.push(dir)
  const ctx = await launchProfile(dir)
  contexts.push(ctx)
  return { ctx, dir }
}

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined)
  for (const d of profiles.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function importDemoExports(page: Page): Promise<void> {
  await dropFiles(page, demoFiles())
  await confirmVendorsUntilSummary(page)
  await page.click('[data-testid="import-summary-close"]')
  await idle(page)
}

const badge = (page: Page) => page.locator('[data-testid="demo-badge"]')

describe('the wall keeps its data in the browser', () => {
  it('survives a reload and a browser restart with the same numbers, page, filters and kiosk state; the demo never comes back', async () => {
    const first = await profile()
    let page = await openWall(first.ctx, base)
    // A new profile opens on the demo, and every page says so.
    for (const tab of ['overview', 'response', 'resolution', 'satisfaction', 'scorecard']) {
      await page.goto(`${base}?page=${tab}`)
      await expect.poll(() => badge(page).isVisible(), { timeout: 30_000 }).toBe(true)
    }
    expect(await badge(page).innerText()).toContain('演示数据')
    // The bare address would bring back the last page (scorecard): ask for the overview.
    await page.goto(`${base}?page=overview`)
    await waitForTable(page)
    await importDemoExports(page)
    expect(await badge(page).count()).toBe(0)
    const view = `from=2026-03&to=2026-08&vendor=${encodeURIComponent('用友U9')}`
    await page.goto(`${base}?${view}`)
    const before = await settledTable(page)
    expect(before).toContain('用友U9|tickets|')
    const stored = await storageInfo(page)
    expect(stored.mode).toBe('owner')
    expect(stored.files).toBe(demoFiles().length)

    await page.reload()
    await idle(page)
    await expect.poll(() => tableText(page), { timeout: 30_000 }).toBe(before)
    expect(await badge(page).count()).toBe(0)
    // Kiosk on, with a long interval so the overview stays up across the restart.
    await page.goto(`${base}?${view}&kiosk=1&interval=900`)
    await idle(page)

    // Power cut: the browser goes away, comes back on the bare address with the same profile.
    await first.ctx.close()
    const again = await profile(first.dir)
    page = await again.ctx.newPage()
    await page.goto(base)
    await waitForTable(page)
    await idle(page)
    await expect.poll(() => tableText(page), { timeout: 30_000 }).toBe(before)
    expect(await badge(page).count()).toBe(0)
    const url = new URL(page.url())
    expect(url.searchParams.get('from')).toBe('2026-03')
    expect(url.searchParams.getAll('vendor')).toEqual(['用友U9'])
    expect(url.searchParams.get('kiosk')).toBe('1')
    expect(url.searchParams.get('interval')).toBe('900')
    expect(await page.locator('[data-testid="kiosk-toggle"]').getAttribute('aria-pressed')).toBe('true')
  })

  it('a second tab opens read-only and neither tab breaks; clearing leaves an empty wall, not the demo', async () => {
    const { ctx } = await profile()
    const one = await openWall(ctx, base)
    await importDemoExports(one)
    const numbers = await settledTable(one)
    const two = await openWall(ctx, base)
    await idle(two)
    await expect.poll(() => tableText(two), { timeout: 30_000 }).toBe(numbers)
    expect((await storageInfo(two)).mode).toBe('readonly')
    expect((await storageInfo(two)).text).toMatch(/只读|Read-only/)
    // The first tab still owns the storage and still answers.
    await one.selectOption('[data-testid="filter-from"]', '2026-01')
    await idle(one)
    expect(await tableText(one)).not.toBe('')
    expect((await storageInfo(one)).mode).toBe('owner')
    await two.close()

    // "Load demo" asks before it discards imported data.
    await one.click('[data-testid="load-demo"]')
    await one.waitForSelector('[data-testid="demo-dialog"]')
    await one.click('[data-testid="demo-keep"]')
    expect(await badge(one).count()).toBe(0)

    await one.click('[data-testid="open-storage"]')
    await one.click('[data-testid="storage-clear"]')
    await one.click('[data-testid="storage-clear-yes"]')
    await expect.poll(() => one.getAttribute('[data-testid="storage-usage"]', 'data-files')).toBe('0')
    await one.click('[data-testid="storage-close"]')
    await one.reload()
    await one.waitForSelector('[data-testid="app-state"]')
    await idle(one)
    expect(await badge(one).count()).toBe(0)
    expect(await one.locator('[data-testid="kpi-table"]').count()).toBe(0)
  })

  it('without usable storage (no OPFS, quota exceeded) says so and still works for the session', async () => {
    const { ctx } = await profile()
    await ctx.addInitScript(() => {
      // A private window or a full disk: every write to the origin's file system fails.
      FileSystemFileHandle.prototype.createWritable = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'))
    })
    const page = await openWall(ctx, base)
    await importDemoExports(page)
    expect(await tableText(page)).toContain('|tickets|')
    const info = await storageInfo(page)
    expect(info.mode).toBe('session')
    expect(info.text).toMatch(/已满|full/)

    const noOpfs = await profile()
    await noOpfs.ctx.addInitScript(() => {
      Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: () => Promise.reject(new DOMException('no OPFS here', 'SecurityError')) })
    })
    const p2 = await openWall(noOpfs.ctx, base)
    const s2 = await storageInfo(p2)
    expect(s2.mode).toBe('session')
    expect(s2.text).toMatch(/不可用|unavailable/)
    await importDemoExports(p2)
    expect(await tableText(p2)).toContain('|tickets|')
  })
})
