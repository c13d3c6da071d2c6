import type { Ref } from 'vue'
import { onScopeDispose, ref, watch } from 'vue'

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files')
}

/**
 * Files dropped anywhere on `target`. `dragging` is true while files hover it;
 * a counter keeps it steady while the pointer crosses child elements.
 */
export function useFileDrop(target: Ref<HTMLElement | null>, onFiles: (files: File[]) => void): { dragging: Ref<boolean> } {
  const dragging = ref(false)
  let depth = 0

  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth++
    dragging.value = true
  }
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
  }
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }
  const drop = (e: DragEvent) => {
    e.preventDefault()
    depth = 0
    dragging.value = false
    const files = Array.from(e.dataTransfer?.files ?? [])
    if (files.length) onFiles(files)
  }

  const events = { dragenter: enter, dragover: over, dragleave: leave, drop } as const
  const bind = (el: HTMLElement | null, on: boolean) => {
    if (!el) return
    for (const [name, fn] of Object.entries(events)) {
      if (on) el.addEventListener(name, fn as EventListener)
      else el.removeEventListener(name, fn as EventListener)
    }
  }
  watch(target, (el, old) => {
    bind(old ?? null, false)
    bind(el, true)
  }, { immediate: true })
  onScopeDispose(() => bind(target.value, false))
  return { dragging }
}
