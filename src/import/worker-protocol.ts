import type { ImportedFile } from '../core/dataset'
import type { Mapping } from '../core/schema'
import type { Inspection } from './inspect'

export type LoadPhase = 'reading' | 'parsing' | 'loading' | 'done' | 'error'

export interface LoadProgress {
  file: string
  phase: LoadPhase
  bytesRead: number
  bytesTotal: number
  rows: number
}

export type WorkerRequest =
  | { id: number, type: 'inspect', file: File, mapping?: Mapping }
  | { id: number, type: 'import', file: File, vendor?: string, mapping?: Mapping }

export type WorkerResponse =
  | { id: number, type: 'progress', progress: LoadProgress }
  | { id: number, type: 'inspection', inspection: Inspection }
  | { id: number, type: 'imported', imported: ImportedFile }
  /** The request failed (a read error, a RangeError …): its call rejects with `message`. */
  | { id: number, type: 'error', message: string }
