// What the import parsers hand to the import service: candidates keyed by source reference
// (and, for council registers, licence number), plus the rows rejected with their reasons.
import type { Insertable } from 'kysely'
import type { PremisesTable } from '../premises.tables.ts'

export type Where = { line?: number; element?: string }

export interface ImportCandidate {
  sourceRef: string
  licenceNumber?: string
  where: Where
  /** Register columns this source knows (never lat/lng/easting/northing: see location). */
  values: Partial<Insertable<PremisesTable>>
  /** null: the source has no coordinates (kept, not mapped); undefined: the source says nothing about location. */
  location?: { lat: number; lng: number } | null
}

export interface ParsedImport {
  rows: number
  skipped: number
  candidates: ImportCandidate[]
  rejected: (Where & { reason: string })[]
}
