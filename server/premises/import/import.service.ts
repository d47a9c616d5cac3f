// Applies parsed imports to the register: idempotent upsert on (source, source_ref) or licence
// number, all-or-nothing per file (one transaction with one audit entry), and a report of rows,
// imported, updated, unchanged and rejected. Parsing happens before the transaction, so a
// malformed file writes nothing.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../../db/types.ts'
import { recordAudit } from '../../audit/audit.public.ts'
import { reattributeNearPremises } from '../../incidents/incidents.public.ts'
import type { FhrsTypeKey, ImportReport, RegisterMapping } from '../../../shared/schemas/premises.ts'
import * as repo from '../premises.repository.ts'
import { locationColumns } from '../premises.present.ts'
import { parseFhrsXml } from './fhrs.parser.ts'
import { parseRegisterCsv } from './register.parser.ts'
import type { ParsedImport } from './import.types.ts'

type Source = 'fhrs' | 'council_register'
export interface ImportResult extends ImportReport { ids: number[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Writes parsed candidates with the caller's transaction (the demo seeding uses ctx.db). */
export async function applyImport (trx: Db, actorId: number | null, source: Source, parsed: ParsedImport, options: { isDemo?: boolean } = {}): Promise<ImportResult> {
  const report: ImportResult = { rows: parsed.rows, imported: 0, updated: 0, unchanged: 0, skipped: parsed.skipped, rejected: [...parsed.rejected], ids: [] }
  const refs = parsed.candidates.map(c => c.sourceRef)
  const licences = parsed.candidates.flatMap(c => c.licenceNumber ? [c.licenceNumber] : [])
  const existing = await repo.findImportMatches(trx, source, refs, licences)
  const byRef = new Map(existing.filter(r => r.source === source && r.sourceRef).map(r => [r.sourceRef!, r]))
  const byLicence = new Map(existing.filter(r => r.licenceNumber).map(r => [r.licenceNumber!, r]))
  const inserts: Parameters<typeof repo.insertManyPremises>[1] = []
  const moved: number[] = []

  for (const candidate of parsed.candidates) {
    const row = byRef.get(candidate.sourceRef) ?? (candidate.licenceNumber ? byLicence.get(candidate.licenceNumber) : undefined)
    const location: Partial<ReturnType<typeof locationColumns>> = candidate.location === undefined ? {} : locationColumns(candidate.location)
    if (!row) {
      inserts.push({ ...candidate.values, ...location, name: candidate.values.name!, source, sourceRef: candidate.sourceRef, isDemo: options.isDemo ?? false })
      continue
    }
    report.ids.push(row.id)
    const changes: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(candidate.values)) {
      if (!same((row as Record<string, unknown>)[key], value)) changes[key] = value
    }
    // A source without coordinates never erases a location an officer has set.
    if (candidate.location !== undefined && !(candidate.location === null && row.lat !== null)) {
      if (!same(row.lat, location.lat) || !same(row.lng, location.lng)) {
        Object.assign(changes, location)
        moved.push(row.id)
      }
    }
    // Only current premises attract incidents, so a change of status re-attributes them too.
    if ('status' in changes && !moved.includes(row.id)) moved.push(row.id)
    if (!Object.keys(changes).length) { report.unchanged += 1; continue }
    await repo.updatePremises(trx, row.id, changes)
    report.updated += 1
  }
  for (let i = 0; i < inserts.length; i += 500) {
    const created = await repo.insertManyPremises(trx, inserts.slice(i, i + 500))
    report.imported += created.length
    report.ids.push(...created.map(c => c.id))
    moved.push(...created.map(c => c.id))
  }
  const { ids, ...summary } = report
  await recordAudit(trx, { userId: actorId, action: 'import', entity: 'premises', entityId: null, after: { source, ...summary, rejected: summary.rejected.length, premisesIds: ids } })
  if (moved.length) await reattributeNearPremises(trx, moved)
  return report
}

export function importFhrs (db: Kysely<Database>, actorId: number | null, xml: string, types?: FhrsTypeKey[]): Promise<ImportResult> {
  const parsed = parseFhrsXml(xml, types)
  return db.transaction().execute(trx => applyImport(trx, actorId, 'fhrs', parsed))
}

export function importRegister (db: Kysely<Database>, actorId: number | null, csv: string, mapping?: RegisterMapping): Promise<ImportResult> {
  const parsed = parseRegisterCsv(csv, mapping)
  return db.transaction().execute(trx => applyImport(trx, actorId, 'council_register', parsed))
}
