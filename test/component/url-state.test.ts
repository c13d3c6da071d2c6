import type { UrlState } from '../../src/composables/use-url-state'
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import { buildUrlQuery, parseUrlState, useUrlState } from '../../src/composables/use-url-state'

describe('URL state', () => {
  it('reads filters, page, language and kiosk from the query', () => {
    const s = parseUrlState('?from=2026-10&to=2026-11&vendor=%E7%94%A8%E5%8F%8BU9&vendor=SAP%20B1&priority=P1&page=response&lang=en&kiosk=1&interval=30')
    expect(s).toEqual({
      from: '2026-10', to: '2026-11', vendors: ['用友U9', 'SAP B1'], priorities: ['P1'], channels: [], categories: [],
      page: 'response', lang: 'en', kiosk: true, interval: 30,
    })
  })

  it('ignores what it cannot trust', () => {
    const s = parseUrlState('?from=2026-13&to=yesterday&page=admin&lang=fr&interval=-4&kiosk=0')
    expect(s).toMatchObject({ from: null, to: null, page: null, lang: null, interval: null, kiosk: false })
    expect(parseUrlState('?interval=1').interval).toBe(5)
  })

  it('round-trips, names with commas and ampersands included', () => {
    const s: UrlState = { from: '2026-09', to: '2026-11', vendors: ['A, Inc.', 'B&C'], priorities: [], channels: ['im'], categories: ['审批流程'], page: 'scorecard', lang: 'en', kiosk: true, interval: 45 }
    expect(parseUrlState(`?${buildUrlQuery(s)}`)).toEqual(s)
  })

  it('leaves defaults out of the link', () => {
    expect(buildUrlQuery({ from: null, to: null, vendors: [], priorities: [], channels: [], categories: [], page: 'overview', lang: 'zh', kiosk: false, interval: 20 })).toBe('')
  })

  it('applies the URL at start and rewrites it in place on change', async () => {
    history.replaceState(null, '', '/wall/?vendor=SAP%20B1&page=resolution')
    const state = reactive<UrlState>(parseUrlState(''))
    const scope = effectScope()
    const before = history.length
    scope.run(() => useUrlState(() => ({ ...state, vendors: [...state.vendors] }), s => Object.assign(state, s)))
    expect(state.vendors).toEqual(['SAP B1'])
    expect(state.page).toBe('resolution')
    state.from = '2026-10'
    state.to = '2026-10'
    await nextTick()
    expect(location.pathname).toBe('/wall/')
    expect(location.search).toBe('?page=resolution&from=2026-10&to=2026-10&vendor=SAP+B1')
    expect(history.length).toBe(before)
    scope.stop()
  })
})
