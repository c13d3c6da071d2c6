import type { BrowserContext, Page } from 'playwright-core'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_DIR } from '../../data/demo-report'
import { launchProfile, newProfile, settledTable, storageInfo } from './persist-helpers'
import { serveWallWithData } from './static-server'
import { waitForTable } from './wall-helpers'

const A = '简道云ERP_工单导出.csv'
const B = '用友U9_zendesk_export.csv'
const NEW = '新厂商_12月.csv'
// Three tickets of a vendor the demo does not have, in a month after the demo's last one.
const DECEMBER = `工单编号,厂商,创建时间,首次响应时间,解决时间,优先级,受理渠道,问题分类
N1,新厂商,2026-12-01 09:00:00,2026-12-01 09:20:00,2026-12-01 12:00:00,高,电话,审批流程
N2,新厂商,2026-12-02 10:00:00,2026-12-02 10:05:00,2026-12-02 11:00:00,中,工单,表单配置
N3,新厂商,2026-12-03 11:00:00,2026-12-03 11:30:00,,低,邮件,权限管理
`

let data: string
let server: { url: string, close: () => Promise<void> }
let ctx: BrowserContext
let dir: string

function publish(files: string[]): void {
  writeFileSync(path.join(data, 'manifest.json'), JSON.stringify({ files }))
}

const vendors = async (page: Page) => [...new Set((await settledTable(page)).split('\n').map(l => l.split('|')[0]))].sort()

beforeAll(async () => {
  data = mkdtempSync(path.join(tmpdir(), 'servicewall-data-'))
  for (const f of [A, B]) copyFileSync(path.join(DEMO_DIR, f), path.join(data, f))
  publish([A, B])
  server = await serveWallWithData(path.resolve('dist'), data)
  dir = newProfile()
  ctx = await launchProfile(dir)
})
afterAll(async () => {
  await ctx?.close()
  await server?.close()
  rmSync(data, { recursive: true, force: true })
  rmSync(dir, { recursive: true, force: true })
})

describe('auto-refresh of a published data folder', () => {
  it('loads /data/, picks up a new file and a new month, and keeps the last good data when a file breaks', async () => {
    const page = await ctx.newPage()
    await page.goto(server.url)
    await waitForTable(page)
    await page.click('[data-testid="open-storage"]')
    await page.click('[data-testid="refresh-watch-url"]')
    await expect.poll(() => page.textContent('[data-testid="refresh-last"]'), { timeout: 60_000 }).toMatch(/[(（]2 /)
    await page.click('[data-testid="storage-close"]')
    expect(await vendors(page)).toEqual(['简道云ERP', '用友U9'].sort())
    expect(await page.locator('[data-testid="demo-badge"]').count()).toBe(0)
    expect(await page.inputValue('[data-testid="filter-from"]')).toBe('2026-11')

    // A short interval for the test (the dialog offers minutes); the watch survives the reload.
    await page.evaluate(() => {
      const k = 'servicewall.refresh'
      localStorage.setItem(k, JSON.stringify({ ...JSON.parse(localStorage.getItem(k) ?? '{}'), intervalSec: 2 }))
    })
    await page.reload()
    await waitForTable(page)
    writeFileSync(path.join(data, NEW), `\uFEFF${DECEMBER}`)
    publish([A, B, NEW])
    await expect.poll(() => page.inputValue('[data-testid="filter-from"]'), { timeout: 60_000 }).toBe('2026-12')
    expect(await vendors(page)).toEqual(['新厂商'])
    await expect.poll(async () => (await page.textContent('[data-testid="wall-footer"]')) ?? '').toMatch(/已刷新|refreshed/)
    const info = await storageInfo(page)
    expect(info.files).toBe(3)
    await page.click('[data-testid="open-storage"]')
    // Since the reload, only the new file was parsed: the two unchanged ones answered 304.
    expect(await page.getAttribute('[data-testid="refresh-last"]', 'data-parsed')).toBe('1')
    await page.click('[data-testid="storage-close"]')

    // The new file turns into garbage: the error shows, the last good copy stays.
    const good = await settledTable(page)
    writeFileSync(path.join(data, NEW), Buffer.from([0x50, 0x4B, 0x03, 0x04, 0xFF, 0x00, 0x13]))
    await expect.poll(async () => (await page.textContent('[data-testid="wall-footer"]')) ?? '', { timeout: 60_000 }).toMatch(/刷新出错|refresh failed/)
    expect(await settledTable(page)).toBe(good)
    await page.click('[data-testid="open-storage"]')
    expect(await page.textContent('[data-testid="refresh-error"]')).toContain(NEW)
  })
})
