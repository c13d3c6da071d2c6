import type { BrowserContext, Page } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from './browser'
import { CHROMIUM } from './global-setup'
import { tableCells, waitForTable } from './wall-helpers'

export const newProfile = (): string => mkdtempSync(path.join(tmpdir(), 'servicewall-profile-'))

/** Chromium with a user-data-dir that outlives the browser: a restart of the same profile. */
export function launchProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1920, height: 1080 } })
}

export async function openWall(ctx: BrowserContext, url: string): Promise<Page> {
  const page = await ctx.newPage()
  await page.goto(url)
  await waitForTable(page)
  return page
}

/** The KPI table as text, sorted: what the wall shows, to compare across reloads. */
export async function tableText(page: Page): Promise<string> {
  return (await tableCells(page)).map(c => `${c.vendor}|${c.kpi}|${c.value}`).sort().join('\n')
}

/** The table once it shows data and has stopped changing (two reads 500 ms apart agree). */
export async function settledTable(page: Page, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    await page.waitForTimeout(500)
    const now = await page.$('[data-busy]') ? '' : await tableText(page)
    if (now && now === last) return now
    last = now
  }
  throw new Error('the KPI table did not settle')
}

/** Waits until the wall is idle (no report computing, no import running). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-busy]'), undefined, { timeout: 60_000, polling: 50 })
}

export async function storageInfo(page: Page): Promise<{ mode: string, files: number, text: string }> {
  await page.click('[data-testid="open-storage"]')
  const panel = page.locator('[data-testid="storage-panel"]')
  const out = {
    mode: (await panel.getAttribute('data-mode')) ?? '',
    files: Number(await page.getAttribute('[data-testid="storage-usage"]', 'data-files')),
    text: await panel.innerText(),
  }
  await page.click('[data-testid="storage-close"]')
  return out
}
