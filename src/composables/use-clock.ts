import type { Ref } from 'vue'
import { onScopeDispose, ref } from 'vue'

/** The current time, ticking on the second. */
export function useClock(): Ref<Date> {
  const now = ref(new Date())
  let timer: ReturnType<typeof setTimeout>
  const tick = () => {
    now.value = new Date()
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5)
  }
  tick()
  onScopeDispose(() => clearTimeout(timer))
  return now
}
