import type { Ref } from 'vue'
import { onScopeDispose, ref } from 'vue'

/** True after `ms` without pointer movement or keys (to hide the cursor on a wall). */
export function useIdle(ms = 3000): Ref<boolean> {
  const idle = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  const wake = () => {
    idle.value = false
    clearTimeout(timer)
    timer = setTimeout(() => (idle.value = true), ms)
  }
  const events = ['pointermove', 'pointerdown', 'keydown'] as const
  for (const e of events) window.addEventListener(e, wake, { passive: true })
  wake()
  onScopeDispose(() => {
    clearTimeout(timer)
    for (const e of events) window.removeEventListener(e, wake)
  })
  return idle
}
