import type { KpiKey } from '../kpis'
import { KPI_UNITS } from '../kpis'

/** Plain-text value for reports: two decimals, rates as percent, NULL as an em dash. */
export function formatKpi(key: KpiKey, v: number | null): string {
  if (v === null) return '—'
  switch (KPI_UNITS[key]) {
    case 'count': return String(Math.round(v))
    case 'rate': return `${(v * 100).toFixed(2)} %`
    default: return v.toFixed(2)
  }
}

export const KPI_LABELS: Record<KpiKey, string> = {
  tickets: 'Tickets 工单数',
  first_response_avg_min: 'Avg first response (min) 平均首次响应',
  first_response_p50_min: 'First response P50 (min)',
  first_response_p90_min: 'First response P90 (min)',
  sla_response_rate: 'SLA response rate 响应达标率',
  resolved: 'Resolved 已解决',
  resolution_avg_min: 'Avg resolution (min) 平均解决时长',
  resolution_p90_min: 'Resolution P90 (min)',
  resolution_max_min: 'Resolution max (min)',
  fcr_rate: 'First-contact resolution 一次性解决率',
  csat_avg: 'Satisfaction /10 客户满意度',
  csat_response_rate: 'Rated share of resolved 评价率',
  recovery_avg_min: 'Avg fault recovery (min) 故障恢复时长',
  recovery_p90_min: 'Fault recovery P90 (min)',
  recurrence_rate: 'Recurrence within 30 d 复发率',
  channels: 'Channels 服务渠道数',
  offhours_sla_rate: 'Off-hours SLA rate 非工作时间达标率',
  training_coverage: 'Training coverage 培训覆盖率',
  first_response_bh_avg_min: 'Avg first response, business hours (min) 工作时间平均首次响应',
  sla_response_bh_rate: 'SLA response rate, business hours 工作时间响应达标率',
  resolution_bh_avg_min: 'Avg resolution, business hours (min) 工作时间平均解决时长',
}

/** Shown only where a loaded vendor's support calendar is not 7x24 (under 7x24 they equal the plain KPIs). */
export const BH_KPIS = ['first_response_bh_avg_min', 'sla_response_bh_rate', 'resolution_bh_avg_min'] as const satisfies readonly KpiKey[]

export const DIMENSION_LABELS = {
  response_speed: 'Response speed 响应速度',
  problem_solving: 'Problem solving 问题解决能力',
  coverage: 'Coverage 服务覆盖广度',
  improvement: 'Improvement & training 持续优化与培训',
  reputation: 'Reputation 客户口碑',
  external: 'External rating 外部评价',
} as const

export const GRADE_LABELS = { excellent: 'excellent 优秀', common: 'common 一般', below: 'below 较差', poor: 'poor 差' } as const
