// The live public register as open data: one column list per dataset, used for both the CSV
// and the JSON, so the two files hold the same fields and nothing the public register does not
// show (no contact details, managers, people who made representations or gave a TEN). The
// register is the authority's own data, published under the Open Government Licence v3.0.
import type { Db } from '../db/types.ts'
import { publicRegisterRows } from '../premises/premises.public.ts'
import { registerApplications, registerTens } from '../casework/casework.public.ts'
import { toCsv } from '../http/csv.ts'
import { OPEN_DATA_LICENCE, type OpenDataDataset } from '../../shared/schemas/opendata.ts'

type Column<T> = [name: string, get: (row: T) => unknown]
type Premises = Awaited<ReturnType<typeof publicRegisterRows>>[number]
type Application = Awaited<ReturnType<typeof registerApplications>>[number]
type Ten = Awaited<ReturnType<typeof registerTens>>[number]

const yesNo = (value: boolean) => value ? 'yes' : 'no'

const PREMISES: Column<Premises>[] = [
  ['licence_number', p => p.licenceNumber],
  ['name', p => p.name],
  ['address', p => p.address],
  ['postcode', p => p.postcode],
  ['premises_type', p => p.premisesType],
  ['status', p => p.status],
  ['licence_holder', p => p.licenceHolder],
  ['dps_name', p => p.dpsName],
  ['licence_issued_on', p => p.licenceIssuedOn],
  ['activities', p => p.activities],
  ['licensable_activities', p => p.licensableActivities],
  ['opening_hours', p => p.openingHours],
  ['capacity', p => p.capacity],
  ['conditions', p => p.conditions],
  ['safety_thirst_tier', p => p.safetyThirst?.tier ?? null],
  ['safety_thirst_valid_until', p => p.safetyThirst?.validUntil ?? null],
  ['latitude', p => p.location?.lat ?? null],
  ['longitude', p => p.location?.lng ?? null],
  ['demo', p => yesNo(p.isDemo)]
]

const APPLICATIONS: Column<Application>[] = [
  ['case_id', a => a.id],
  ['kind', a => a.kind],
  ['stage', a => a.stage],
  ['licence_number', a => a.licenceNumber],
  ['premises_name', a => a.premisesName],
  ['address', a => a.address],
  ['postcode', a => a.postcode],
  ['given_on', a => a.givenOn],
  ['representations_by', a => a.representationPeriodEnds],
  ['decision', a => a.outcome],
  ['decided_on', a => a.decidedOn],
  ['conditions_added', a => a.addedConditions],
  ['appeal_deadline', a => a.appealDeadline],
  ['latitude', a => a.lat],
  ['longitude', a => a.lng],
  ['demo', a => yesNo(a.isDemo)]
]

const TENS: Column<Ten>[] = [
  ['ten_id', t => t.id],
  ['licence_number', t => t.licenceNumber],
  ['premises_name', t => t.premisesName],
  ['address', t => t.address],
  ['postcode', t => t.postcode],
  ['kind', t => t.kind],
  ['status', t => t.status],
  ['given_on', t => t.givenOn],
  ['starts', t => t.startsLocal],
  ['ends', t => t.endsLocal],
  ['max_people', t => t.maxPeople],
  ['activities', t => t.activities],
  ['latitude', t => t.lat],
  ['longitude', t => t.lng],
  ['demo', t => yesNo(t.isDemo)]
]

export interface OpenDataTable { header: string[]; rows: unknown[][] }

function table<T> (columns: Column<T>[], rows: T[]): OpenDataTable {
  return { header: columns.map(([name]) => name), rows: rows.map(row => columns.map(([, get]) => get(row) ?? null)) }
}

/** One dataset of the register as a header and rows of public fields. */
export async function openDataTable (db: Db, dataset: OpenDataDataset, today: string): Promise<OpenDataTable> {
  if (dataset === 'premises') return table(PREMISES, await publicRegisterRows(db, today))
  if (dataset === 'applications') return table(APPLICATIONS, await registerApplications(db, today))
  return table(TENS, await registerTens(db, today))
}

/** Lists become "a; b" and objects (hours, conditions) JSON in a cell; the writer neutralises formulas. */
export function openDataCsv ({ header, rows }: OpenDataTable): string {
  return toCsv(header, rows.map(row => row.map(cell => Array.isArray(cell) && cell.every(v => typeof v === 'string') ? cell.join('; ') : cell)))
}

export const PUBLISHER = 'City of London Corporation (licensing authority)'

export function openDataJson (dataset: OpenDataDataset, { header, rows }: OpenDataTable, generatedAt: Date) {
  return {
    meta: { dataset, publisher: PUBLISHER, licence: OPEN_DATA_LICENCE, generatedAt: generatedAt.toISOString(), fields: header, count: rows.length },
    items: rows.map(row => Object.fromEntries(header.map((name, i) => [name, row[i]])))
  }
}
