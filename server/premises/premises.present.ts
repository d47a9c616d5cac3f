// Turns register rows into the API shapes (OpenAPI tag "premises"), and API input into columns
// (locations gain their British National Grid easting/northing here, nowhere else).
import type { Insertable } from 'kysely'
import type { CurrentAward } from '../safety-thirst/safety-thirst.public.ts'
import { lngLatToBng } from '../geo/bng.ts'
import type { Premises, PremisesDetail, PremisesInput } from '../../shared/schemas/premises.ts'
import type { PremisesListRow, PremisesRow } from './premises.repository.ts'
import type { PremisesTable } from './premises.tables.ts'

type SummaryRow = Pick<PremisesListRow, 'id' | 'name' | 'address' | 'postcode' | 'lat' | 'lng' | 'licenceNumber' | 'licenceHolder' | 'dpsName' | 'premisesType' | 'activities' | 'capacity' | 'status' | 'isDemo'>

export function toPremises (row: SummaryRow, award: CurrentAward | undefined): Premises {
  const mapped = row.lat !== null && row.lng !== null
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    postcode: row.postcode,
    location: mapped ? { lat: row.lat!, lng: row.lng! } : null,
    licenceNumber: row.licenceNumber,
    licenceHolder: row.licenceHolder,
    dpsName: row.dpsName,
    premisesType: row.premisesType,
    activities: row.activities ?? [],
    capacity: row.capacity,
    status: row.status,
    safetyThirst: award ? { tier: award.tier, validUntil: award.validUntil } : null,
    notMapped: !mapped,
    isDemo: row.isDemo
  }
}

const iso = (value: Date | string) => value instanceof Date ? value.toISOString() : new Date(value).toISOString()

/** The statutory register view: what the public register shows (no contact details of people, no managers). */
export function toRegisterDetail (row: PremisesRow, award: CurrentAward | undefined, conditions: { id?: number; annex: number; text: string }[]): PremisesDetail {
  return {
    ...toPremises(row, award),
    licenceIssuedOn: row.licenceIssuedOn,
    licensableActivities: row.licensableActivities ?? [],
    openingHours: row.openingHours ?? {},
    conditions,
    website: row.website,
    updatedAt: iso(row.updatedAt)
  }
}

/** The officer view: the register plus contact fields, source, BNG coordinates and managers. */
export function toDetail (row: PremisesRow, award: CurrentAward | undefined, conditions: { id?: number; annex: number; text: string }[], managers: { id: number; name: string; email: string }[]): PremisesDetail {
  return {
    ...toRegisterDetail(row, award, conditions),
    licenceHolderAddress: row.licenceHolderAddress,
    phone: row.phone,
    email: row.email,
    source: row.source,
    sourceRef: row.sourceRef,
    easting: row.easting,
    northing: row.northing,
    managers,
    createdAt: iso(row.createdAt)
  }
}

const blankToNull = (value: string | null | undefined) => value === undefined ? undefined : (value === null || value.trim() === '' ? null : value.trim())

/** API input → column values (only the keys present), with BNG computed from the location. */
export function toColumns (input: PremisesInput): Partial<Insertable<PremisesTable>> {
  const values: Partial<Insertable<PremisesTable>> = {}
  if (input.name !== undefined) values.name = input.name.trim()
  if (input.address !== undefined) values.address = input.address.trim()
  for (const key of ['postcode', 'licenceNumber', 'licenceHolder', 'licenceHolderAddress', 'dpsName', 'phone', 'email', 'website'] as const) {
    const value = blankToNull(input[key])
    if (value !== undefined) values[key] = key === 'postcode' && value ? value.toUpperCase() : value
  }
  if (input.licenceIssuedOn !== undefined) values.licenceIssuedOn = input.licenceIssuedOn || null
  if (input.premisesType !== undefined) values.premisesType = input.premisesType
  if (input.capacity !== undefined) values.capacity = input.capacity
  if (input.status !== undefined) values.status = input.status
  if (input.openingHours !== undefined) values.openingHours = JSON.stringify(input.openingHours)
  if (input.licensableActivities !== undefined) {
    values.licensableActivities = JSON.stringify(input.licensableActivities)
    if (input.activities === undefined) values.activities = [...new Set(input.licensableActivities.map(a => a.activity))]
  }
  if (input.activities !== undefined) values.activities = input.activities
  if (input.location !== undefined) Object.assign(values, locationColumns(input.location))
  return values
}

export function locationColumns (location: { lat: number; lng: number } | null) {
  if (!location) return { lat: null, lng: null, easting: null, northing: null }
  const { easting, northing } = lngLatToBng(location.lng, location.lat)
  return { lat: location.lat, lng: location.lng, easting, northing }
}
