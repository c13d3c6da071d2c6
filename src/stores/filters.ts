import type { Filters } from '../core/filters'
import type { ClickSelection } from '../charts/click'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useDatasetStore } from './dataset'

export const LIST_KINDS = ['vendors', 'priorities', 'channels', 'categories'] as const
export type ListKind = (typeof LIST_KINDS)[number]

/**
 * What the wall shows. A month range left unset means "the latest month in the data",
 * so a wall keeps following new imports; an explicit range (URL, picker, click) stays.
 */
export const useFiltersStore = defineStore('filters', () => {
  const dataset = useDatasetStore()
  const from = ref<string | null>(null)
  const to = ref<string | null>(null)
  const lists = ref<Record<ListKind, string[]>>({ vendors: [], priorities: [], channels: [], categories: [] })

  const latestMonth = computed(() => dataset.options.months.at(-1) ?? null)
  const range = computed(() => {
    const latest = latestMonth.value
    const f = from.value ?? to.value ?? latest
    const t = to.value ?? (from.value && latest && latest > from.value ? latest : from.value) ?? latest
    return f && t ? { from: f <= t ? f : t, to: f <= t ? t : f } : null
  })
  const effective = computed<Filters>(() => ({
    from: range.value?.from ?? null,
    to: range.value?.to ?? null,
    vendors: [...lists.value.vendors],
    priorities: [...lists.value.priorities],
    channels: [...lists.value.channels],
    categories: [...lists.value.categories],
  }))
  const active = computed(() => from.value !== null || to.value !== null || LIST_KINDS.some(k => lists.value[k].length > 0))

  function setRange(f: string | null, t: string | null): void {
    from.value = f
    to.value = t
  }

  function setList(kind: ListKind, values: readonly string[]): void {
    lists.value = { ...lists.value, [kind]: [...new Set(values)] }
  }

  /** A click on a chart: that value alone, or back to all when it already was alone. */
  function focus(kind: ListKind, value: string): void {
    const cur = lists.value[kind]
    setList(kind, cur.length === 1 && cur[0] === value ? [] : [value])
  }

  function applyClick(sel: ClickSelection): void {
    if (sel.month) {
      const only = from.value === sel.month && to.value === sel.month
      setRange(only ? null : sel.month, only ? null : sel.month)
    }
    if (sel.vendor) focus('vendors', sel.vendor)
    if (sel.priority) focus('priorities', sel.priority)
    if (sel.channel) focus('channels', sel.channel)
    if (sel.category) focus('categories', sel.category)
  }

  function clear(): void {
    setRange(null, null)
    lists.value = { vendors: [], priorities: [], channels: [], categories: [] }
  }

  return { from, to, lists, latestMonth, range, effective, active, setRange, setList, focus, applyClick, clear }
})
