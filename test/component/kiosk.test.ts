import type { PageId } from '../../src/stores/pages'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useKiosk } from '../../src/composables/use-kiosk'
import { PAGES } from '../../src/stores/pages'

function setup(enabled = true, interval = 20) {
  const target = new EventTarget()
  const state = { enabled: ref(enabled), paused: ref(false), intervalSec: ref(interval), page: ref<PageId>('overview') }
  const scope = effectScope()
  const api = scope.run(() => useKiosk({ ...state, pages: PAGES, keyTarget: target }))!
  const key = (k: string) => target.dispatchEvent(Object.assign(new Event('keydown', { cancelable: true }), { key: k }))
  return { ...state, api, scope, key }
}

describe('useKiosk', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('rotates through every page, then starts over', async () => {
    const k = setup()
    const seen: string[] = [k.page.value]
    for (let i = 0; i < PAGES.length; i++) {
      vi.advanceTimersByTime(20_000)
      await nextTick()
      seen.push(k.page.value)
    }
    expect(seen).toEqual([...PAGES, 'overview'])
    k.scope.stop()
  })

  it('stays put while disabled', async () => {
    const k = setup(false)
    vi.advanceTimersByTime(120_000)
    await nextTick()
    expect(k.page.value).toBe('overview')
    k.scope.stop()
  })

  it('pauses and resumes with space, keeping the time left on the page', async () => {
    const k = setup()
    vi.advanceTimersByTime(15_000)
    k.key(' ')
    await nextTick()
    expect(k.paused.value).toBe(true)
    vi.advanceTimersByTime(60_000)
    await nextTick()
    expect(k.page.value).toBe('overview')
    k.key(' ')
    await nextTick()
    vi.advanceTimersByTime(4_999)
    await nextTick()
    expect(k.page.value).toBe('overview')
    vi.advanceTimersByTime(1)
    await nextTick()
    expect(k.page.value).toBe('response')
    k.scope.stop()
  })

  it('follows a changed interval and restarts the countdown on a manual page turn', async () => {
    const k = setup(true, 20)
    k.intervalSec.value = 5
    await nextTick()
    vi.advanceTimersByTime(5_000)
    await nextTick()
    expect(k.page.value).toBe('response')
    const cycle = k.api.cycle.value
    k.key('ArrowLeft')
    await nextTick()
    expect(k.page.value).toBe('overview')
    expect(k.api.cycle.value).toBeGreaterThan(cycle)
    k.scope.stop()
  })

  it('leaves kiosk mode on Escape and ignores keys when off', async () => {
    const k = setup()
    k.key('Escape')
    await nextTick()
    expect(k.enabled.value).toBe(false)
    k.key(' ')
    expect(k.paused.value).toBe(false)
    k.scope.stop()
  })

  it('stops its timer when its scope ends', async () => {
    const k = setup()
    k.scope.stop()
    vi.advanceTimersByTime(60_000)
    await nextTick()
    expect(k.page.value).toBe('overview')
  })
})
