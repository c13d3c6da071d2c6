import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { TABLE_COLUMNS, tableColumns } from '../../src/components/kpi/kpi-columns'
import CalendarEditor from '../../src/components/settings/CalendarEditor.vue'
import DateListEditor from '../../src/components/settings/DateListEditor.vue'
import { DEFAULT_CONFIG } from '../../src/core/config'
import { CN_HOLIDAYS_2025_2026 } from '../../src/core/presets/calendar-presets'
import { useDatasetStore } from '../../src/stores/dataset'
import { useReportStore } from '../../src/stores/report'
import { useScorecardStore } from '../../src/stores/scorecard'
import { SCORECARD_KEY } from '../../src/stores/settings-storage'
import SettingsPage from '../../src/views/SettingsPage.vue'
import { fakeBackend } from './helpers/backend'

const flush = async () => {
  for (let i = 0; i < 8; i++) await Promise.resolve()
  await nextTick()
}

describe('calendar editor', () => {
  it('switches between default, 7x24 and a working calendar', async () => {
    const w = mount(CalendarEditor, { props: { calendar: null, inherit: true } })
    await w.get('[data-testid="cal-work"]').trigger('change')
    expect(w.emitted('update')![0]![0]).toEqual({ days: [1, 2, 3, 4, 5], hours: [['09:00', '18:00']], holidays: [], workdays: [] })
    await w.get('[data-testid="cal-7x24"]').trigger('change')
    expect(w.emitted('update')![1]![0]).toBe('7x24')
    await w.get('[data-testid="cal-inherit"]').trigger('change')
    expect(w.emitted('update')![2]![0]).toBeNull()
  })

  it('edits days, a lunch break, and adds the China preset as explicit dates', async () => {
    const cal = { days: [1, 2, 3, 4, 5], hours: [['09:00', '18:00']] as [string, string][], holidays: ['2024-10-01'], workdays: [] }
    const w = mount(CalendarEditor, { props: { calendar: cal, inherit: false } })
    expect(w.find('[data-testid="cal-inherit"]').exists()).toBe(false)
    await w.get('[data-testid="cal-day-6"]').trigger('change')
    expect(w.emitted('update')![0]![0]).toMatchObject({ days: [1, 2, 3, 4, 5, 6] })
    const end = w.get('[data-testid="cal-hours-0"]').findAll('input')[1]!
    await end.setValue('12:00')
    expect(w.emitted('update')![1]![0]).toMatchObject({ hours: [['09:00', '12:00']] })
    await w.get('[data-testid="cal-preset-cn"]').trigger('click')
    const preset = w.emitted('update')![2]![0] as typeof cal
    expect(preset.holidays).toEqual(['2024-10-01', ...CN_HOLIDAYS_2025_2026.holidays])
    expect(preset.workdays).toEqual([...CN_HOLIDAYS_2025_2026.workdays])
    // The dates the State Council published (the contract's own example among them).
    expect(preset.holidays).toEqual(expect.arrayContaining(['2025-01-28', '2025-10-01', '2026-02-17', '2026-10-07']))
    expect(preset.workdays).toEqual(expect.arrayContaining(['2025-01-26', '2025-02-08', '2026-02-14', '2026-10-10']))
  })

  it('the date list refuses a non-date and keeps dates sorted and unique', async () => {
    const w = mount(DateListEditor, { props: { dates: ['2025-05-01'], label: 'x', testid: 'd' } })
    await w.get('[data-testid="date-input"]').setValue('2025-02-30')
    await w.get('[data-testid="date-add"]').trigger('click')
    expect(w.emitted('update')).toBeUndefined()
    await w.get('[data-testid="date-input"]').setValue('2025-01-28')
    await w.get('[data-testid="date-add"]').trigger('click')
    expect(w.emitted('update')![0]![0]).toEqual(['2025-01-28', '2025-05-01'])
    await w.get('li[data-date="2025-05-01"] button').trigger('click')
    expect(w.emitted('update')![1]![0]).toEqual([])
  })
})

describe('settings page', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })

  async function open() {
    const b = fakeBackend()
    await useDatasetStore().start(async () => b)
    await useReportStore().compute()
    const w = mount(SettingsPage, { attachTo: document.body })
    return { b, w }
  }

  it('previews the ranking under the draft: old and new rank side by side', async () => {
    const { b, w } = await open()
    await w.get('[data-testid="weight-reputation"]').setValue('40')
    await w.get('[data-testid="preview-run"]').trigger('click')
    await flush()
    expect(b.preview).toHaveBeenCalledOnce()
    expect((b.preview as unknown as { mock: { calls: [typeof DEFAULT_CONFIG][] } }).mock.calls[0]![0].dimensions.reputation.weight).toBe(40)
    const rows = w.findAll('[data-testid="rank-preview"] tbody tr').map(r => [r.attributes('data-vendor'), r.attributes('data-old-rank'), r.attributes('data-new-rank')])
    expect(rows).toEqual([['B', '2', '1'], ['A', '1', '2']])
    expect(useScorecardStore().config.dimensions.reputation.weight).toBe(20) // a preview applies nothing
    w.unmount()
  })

  it('apply validates, hands the config to the engine and saves it; a bad draft is refused with the field', async () => {
    const { b, w } = await open()
    await w.get('[data-testid="sla-P1"]').setValue('0')
    await w.get('[data-testid="settings-apply"]').trigger('click')
    await flush()
    expect(w.get('[data-testid="config-errors"]').text()).toContain('slaTargetsMin.P1')
    expect(b.configure).toHaveBeenCalledTimes(1) // only the start
    await w.get('[data-testid="sla-P1"]').setValue('15')
    await w.get('[data-testid="settings-tab-vendors"]').trigger('click')
    await w.get('[data-vendor="A"] [data-testid="headcount"]').setValue('12')
    await w.get('[data-testid="settings-apply"]').trigger('click')
    await flush()
    const applied = (b.configure as unknown as { mock: { calls: [typeof DEFAULT_CONFIG][] } }).mock.calls[1]![0]
    expect(applied.slaTargetsMin.P1).toBe(15)
    expect(applied.headcount).toEqual({ A: 12 })
    expect(JSON.parse(localStorage.getItem(SCORECARD_KEY)!)).toEqual(applied)
    w.unmount()
  })

  it('an imported file that fails validation is refused with field and reason; the current settings stay', async () => {
    const { b, w } = await open()
    const input = w.get('[data-testid="settings-import-input"]')
    const bad = new File([JSON.stringify({ calendars: { A: { hours: [['18:00', '09:00']] } } })], 'bad.json')
    Object.defineProperty(input.element, 'files', { value: [bad], configurable: true })
    await input.trigger('change')
    await flush()
    await flush()
    const err = w.get('[data-testid="config-errors"] li')
    expect(err.attributes('data-path')).toBe('calendars.A.hours[0]')
    expect(err.text()).toContain('starts at or after its end')
    expect(b.configure).toHaveBeenCalledTimes(1)
    expect(useScorecardStore().config).toEqual(DEFAULT_CONFIG)
    w.unmount()
  })
})

describe('saved settings', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })

  it('a saved config is used at start; a broken one is reported and the defaults are used', async () => {
    localStorage.setItem(SCORECARD_KEY, JSON.stringify({ ratings: { A: 9 } }))
    const b = fakeBackend()
    await useDatasetStore().start(async () => b)
    expect((b.configure as unknown as { mock: { calls: [typeof DEFAULT_CONFIG][] } }).mock.calls[0]![0].ratings).toEqual({ A: 9 })
    setActivePinia(createPinia())
    localStorage.setItem(SCORECARD_KEY, JSON.stringify({ ratings: { A: 99 } }))
    expect(useScorecardStore().errors).toEqual([{ path: 'ratings.A', reason: 'must be a rating 0..10, got 99' }])
    expect(useScorecardStore().config).toEqual(DEFAULT_CONFIG)
  })
})

describe('KPI table columns', () => {
  it('business-hours columns follow their plain ones only where a vendor has a working calendar', () => {
    expect(tableColumns(false)).toBe(TABLE_COLUMNS)
    const bh = tableColumns(true)
    expect(bh.slice(1, 4)).toEqual(['first_response_avg_min', 'first_response_bh_avg_min', 'sla_response_rate'])
    expect(bh[bh.indexOf('sla_response_rate') + 1]).toBe('sla_response_bh_rate')
    expect(bh[bh.indexOf('resolution_avg_min') + 1]).toBe('resolution_bh_avg_min')
    expect(bh).not.toContain('first_response_p90_min')
  })
})
