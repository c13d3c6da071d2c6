import type { ScoredKpi } from '../core/config'
import { DEFAULT_CONFIG } from '../core/config'
import { GRADE_COLORS } from './theme'

type Level = 'excellent' | 'common' | 'poor'
const ANCHOR_INDEX: Record<Level, number> = { excellent: 1, common: 2, poor: 3 }

/** Reference lines at a KPI's grade anchors, from the same config the SQL grades with. */
export function gradeRefs(kpi: ScoredKpi, label: (level: Level) => string, levels: readonly Level[] = ['excellent', 'common']): { value: number, label: string, color: string }[] {
  const anchors = DEFAULT_CONFIG.anchors[kpi]
  return levels.map(l => ({ value: anchors[ANCHOR_INDEX[l]]!, label: label(l), color: GRADE_COLORS[l] }))
}
