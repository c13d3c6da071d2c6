import type { Grade } from '../core/kpis'
import type { Tone } from './kpi-units'

/** What every report table is made of, on the wall, in the CLI's HTML and in the exports. */
export interface Cell {
  /** The raw value: a number as computed, wall-clock text 'YYYY-MM-DD HH:MM:SS' for a time, or text. */
  value: number | string | null
  kind: 'text' | 'number' | 'datetime'
  /** As shown. */
  text: string
  grade?: Grade | null
  /** Month-over-month change, in the KPI's change unit (kpi-units.ts). */
  change?: number | null
  changeText?: string
  tone?: Tone
}

export interface Column {
  key: string
  label: string
  /** Right-aligned figures. */
  numeric?: boolean
}

export interface Row {
  key: string
  cells: Cell[]
}

export interface Table {
  id: string
  title: string
  columns: Column[]
  rows: Row[]
  /** Shown instead of an empty body. */
  empty: string
}

export const NO_VALUE = '—'

export function textCell(v: string | null | undefined): Cell {
  return { value: v ?? null, kind: 'text', text: v ?? NO_VALUE }
}

export function numberCell(v: number | null | undefined, text: string): Cell {
  return { value: v ?? null, kind: 'number', text }
}

/** 'YYYY-MM-DD HH:MM:SS' shown to the minute. */
export function timeCell(v: string | null | undefined): Cell {
  return { value: v ?? null, kind: 'datetime', text: v ? v.slice(0, 16) : NO_VALUE }
}
