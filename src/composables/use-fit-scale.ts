import type { InjectionKey, Ref } from 'vue'
import { inject, onScopeDispose, ref } from 'vue'

export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

export interface Fit {
  scale: number
  left: number
  top: number
}

/** Largest uniform scale of the design canvas that fits the viewport, centred (letterboxed). */
export function fitScale(vw: number, vh: number, w = DESIGN_WIDTH, h = DESIGN_HEIGHT): Fit {
  const scale = Math.max(0.05, Math.min(vw / w, vh / h))
  return { scale, left: Math.max(0, (vw - w * scale) / 2), top: Math.max(0, (vh - h * scale) / 2) }
}

export const FIT_KEY: InjectionKey<Readonly<Ref<Fit>>> = Symbol('fit')

/** The canvas scale, following window resizes (and zoom, which changes innerWidth). */
export function useFitScale(): Readonly<Ref<Fit>> {
  const fit = ref<Fit>(fitScale(window.innerWidth, window.innerHeight))
  const update = () => {
    fit.value = fitScale(window.innerWidth, window.innerHeight)
  }
  window.addEventListener('resize', update)
  onScopeDispose(() => window.removeEventListener('resize', update))
  return fit
}

/** For charts and popovers inside the canvas: 1 outside a provider. */
export function useCanvasScale(): Readonly<Ref<Fit>> {
  return inject(FIT_KEY, ref<Fit>({ scale: 1, left: 0, top: 0 }))
}
