import type { Ref } from 'vue'
import { onScopeDispose, ref, watch } from 'vue'

export interface KioskOptions<T extends string> {
  enabled: Ref<boolean>
  paused: Ref<boolean>
  intervalSec: Ref<number>
  pages: readonly T[]
  page: Ref<T>
  /** Where keys are listened to; window by default. */
  keyTarget?: EventTarget
}

function typing(e: Event): boolean {
  const el = e.target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

/**
 * Kiosk rotation: while enabled, the next page every `intervalSec`. Space pauses and
 * resumes (resuming keeps the time left on the page); ← and → turn pages by hand; Esc leaves.
 * `cycle` changes whenever a page's countdown starts afresh (for a progress bar).
 */
export function useKiosk<T extends string>(o: KioskOptions<T>) {
  const cycle = ref(0)
  let timer: ReturnType<typeof setTimeout> | undefined
  let startedAt = 0
  let remaining = 0

  const step = (d: number) => {
    const i = o.pages.indexOf(o.page.value)
    o.page.value = o.pages[(i + d + o.pages.length) % o.pages.length]!
  }
  const next = () => step(1)
  const prev = () => step(-1)

  function stop(): void {
    clearTimeout(timer)
    timer = undefined
  }
  function run(ms: number): void {
    stop()
    startedAt = Date.now()
    remaining = ms
    timer = setTimeout(next, ms)
  }
  function restart(): void {
    cycle.value++
    if (o.enabled.value && !o.paused.value) run(o.intervalSec.value * 1000)
    else {
      stop()
      remaining = o.intervalSec.value * 1000
    }
  }

  watch([o.page, o.intervalSec, o.enabled], restart, { immediate: true })
  watch(o.paused, (p) => {
    if (!o.enabled.value) return
    if (p) {
      remaining = Math.max(0, remaining - (Date.now() - startedAt))
      stop()
    }
    else run(remaining || o.intervalSec.value * 1000)
  })

  function togglePause(): void {
    o.paused.value = !o.paused.value
  }

  const onKey = (e: Event) => {
    const k = (e as KeyboardEvent).key
    if (!o.enabled.value || typing(e)) return
    if (k === ' ' || k === 'Spacebar') {
      e.preventDefault()
      togglePause()
    }
    else if (k === 'Escape') o.enabled.value = false
    else if (k === 'ArrowRight') next()
    else if (k === 'ArrowLeft') prev()
  }
  const target = o.keyTarget ?? window
  target.addEventListener('keydown', onKey)
  onScopeDispose(() => {
    stop()
    target.removeEventListener('keydown', onKey)
  })

  return { cycle, next, prev, togglePause }
}
