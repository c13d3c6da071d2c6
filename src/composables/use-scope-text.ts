import type { ComputedRef } from 'vue'
import { computed } from 'vue'
import { translate, translateOr } from '../i18n'
import { formatMonth } from '../i18n/dates'
import { useFiltersStore } from '../stores/filters'
import { useSettingsStore } from '../stores/settings'

/** One line saying what the wall shows: month range and every active filter. */
export function useScopeText(): ComputedRef<string> {
  const filters = useFiltersStore()
  const settings = useSettingsStore()
  return computed(() => {
    const l = settings.locale
    const r = filters.range
    const colon = l === 'zh' ? '：' : ': '
    const months = r ? (r.from === r.to ? formatMonth(l, r.from, 'long') : `${formatMonth(l, r.from, 'long')} – ${formatMonth(l, r.to, 'long')}`) : '—'
    const parts = [`${translate(l, 'app.scope')}${colon}${months}`]
    const { vendors, priorities, channels, categories } = filters.lists
    parts.push(`${translate(l, 'filter.vendor')}${colon}${vendors.length ? vendors.join(' / ') : translate(l, 'filter.allVendors')}`)
    if (priorities.length) parts.push(`${translate(l, 'filter.priority')}${colon}${priorities.map(p => translateOr(l, `priority.${p}`, p)).join(' / ')}`)
    if (channels.length) parts.push(`${translate(l, 'filter.channel')}${colon}${channels.map(c => translateOr(l, `channel.${c}`, c)).join(' / ')}`)
    if (categories.length) parts.push(`${translate(l, 'filter.category')}${colon}${categories.join(' / ')}`)
    return parts.join('   ·   ')
  })
}
