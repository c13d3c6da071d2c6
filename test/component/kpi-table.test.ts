import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import KpiTable from '../../src/components/kpi/KpiTable.vue'
import RankingBoard from '../../src/components/kpi/RankingBoard.vue'
import { TABLE_COLUMNS } from '../../src/components/kpi/kpi-columns'
import { createI18n, I18N_KEY } from '../../src/i18n'
import { vendorRow, XSS } from './helpers/report'

const vendors = [
  vendorRow('金蝶云星辰', 1, { tickets: 121, first_response_avg_min: 18.25, sla_response_rate: 0.9917355371900827, csat_avg: 9.4 }, 95.51, { first_response_avg_min: 'excellent', sla_response_rate: 'excellent' }),
  vendorRow(XSS, 2, { tickets: 7, fcr_rate: null, first_response_avg_min: 1390 }, null, { first_response_avg_min: 'poor' }),
]

describe('KpiTable', () => {
  it('gives every cell data-vendor, data-kpi (contract key) and data-value (raw number)', () => {
    const w = mount(KpiTable, { props: { vendors } })
    const cells = w.findAll('td')
    expect(cells).toHaveLength(vendors.length * TABLE_COLUMNS.length)
    for (const k of ['tickets', 'first_response_avg_min', 'first_response_p90_min', 'sla_response_rate', 'fcr_rate', 'csat_avg', 'recovery_avg_min',
      'resolution_avg_min', 'recurrence_rate', 'channels', 'offhours_sla_rate', 'training_coverage', 'score']) {
      expect(w.findAll(`td[data-kpi="${k}"]`)).toHaveLength(2)
    }
    const sla = w.get('td[data-vendor="金蝶云星辰"][data-kpi="sla_response_rate"]')
    expect(sla.attributes('data-value')).toBe('0.9917355371900827')
    expect(sla.text()).toBe('99.2%')
    expect(w.get('td[data-vendor="金蝶云星辰"][data-kpi="score"]').attributes('data-value')).toBe('95.51')
  })

  it('leaves data-value empty and shows a dash for NULL', () => {
    const w = mount(KpiTable, { props: { vendors } })
    const fcr = w.findAll('td').find(td => td.attributes('data-vendor') === XSS && td.attributes('data-kpi') === 'fcr_rate')!
    expect(fcr.attributes('data-value')).toBe('')
    expect(fcr.text()).toBe('—')
  })

  it('colours cells by grade; unscored KPIs stay neutral', () => {
    const w = mount(KpiTable, { props: { vendors } })
    expect(w.get('td[data-vendor="金蝶云星辰"][data-kpi="first_response_avg_min"]').classes()).toContain('g-excellent')
    expect(w.get('td[data-vendor="金蝶云星辰"][data-kpi="tickets"]').classes()).toContain('g-none')
    expect(w.get('td[data-vendor="金蝶云星辰"][data-kpi="score"]').attributes('data-grade')).toBe('excellent')
  })

  it('renders a hostile vendor name as text: no element is created', () => {
    const w = mount(KpiTable, { props: { vendors }, attachTo: document.body })
    expect(document.querySelector('img')).toBeNull()
    expect(w.text()).toContain(XSS)
    w.unmount()
  })

  it('emits the vendor clicked', async () => {
    const w = mount(KpiTable, { props: { vendors } })
    await w.findAll('button.vendor')[1]!.trigger('click')
    expect(w.emitted('select-vendor')).toEqual([[XSS]])
  })

  it('speaks English when the app does', () => {
    const w = mount(KpiTable, { props: { vendors }, global: { provide: { [I18N_KEY as symbol]: createI18n(ref('en')) } } })
    expect(w.get('thead').text()).toContain('Score')
    expect(w.get('td[data-vendor="金蝶云星辰"][data-kpi="first_response_avg_min"]').text()).toBe('18 min')
  })
})

describe('RankingBoard', () => {
  it('lists vendors by rank with their score, names as text', () => {
    const w = mount(RankingBoard, { props: { vendors }, attachTo: document.body })
    const items = w.findAll('li')
    expect(items.map(li => li.attributes('data-rank'))).toEqual(['1', '2'])
    expect(items[0]!.attributes('data-value')).toBe('95.51')
    expect(items[1]!.attributes('data-value')).toBe('')
    expect(document.querySelector('img')).toBeNull()
    w.unmount()
  })
})
