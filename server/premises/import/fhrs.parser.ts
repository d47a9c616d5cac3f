// Parses the Food Standards Agency hygiene-rating XML (FORMATS.md §3.2) into register
// candidates: pubs, bars and nightclubs by default, other business types on request. FHRSID is
// the source reference; an establishment without a Geocode is kept and listed as not mapped.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { FHRS_TYPES, type FhrsTypeKey } from '../../../shared/schemas/premises.ts'
import { MalformedImport } from '../premises.errors.ts'
import type { ImportCandidate, ParsedImport } from './import.types.ts'

const PREMISES_TYPE: Record<FhrsTypeKey, 'pub_bar_nightclub' | 'restaurant' | 'hotel' | 'takeaway'> = {
  pub: 'pub_bar_nightclub', restaurant: 'restaurant', hotel: 'hotel', takeaway: 'takeaway'
}

type Text = string | number | undefined | Record<string, unknown>
interface Establishment {
  FHRSID?: Text; BusinessName?: Text; BusinessType?: Text
  AddressLine1?: Text; AddressLine2?: Text; AddressLine3?: Text; AddressLine4?: Text; PostCode?: Text
  Geocode?: { Longitude?: Text; Latitude?: Text } | string
}

const text = (value: Text): string => typeof value === 'string' || typeof value === 'number' ? String(value).trim() : ''

function coordinate (value: Text, min: number, max: number): number | null {
  const raw = text(value)
  if (!raw) return null
  const number = Number(raw)
  return Number.isFinite(number) && number >= min && number <= max ? number : NaN
}

export function parseFhrsXml (xml: string, types: FhrsTypeKey[] = ['pub']): ParsedImport {
  // FSA files have no DOCTYPE; one in an upload can only declare entities (expansion bombs,
  // external files), so it is refused before any parser sees it.
  const doctype = /<!(DOCTYPE|ENTITY)\b/i.exec(xml)
  if (doctype) {
    const line = xml.slice(0, doctype.index).split('\n').length
    throw Object.assign(new MalformedImport(`The file declares a <!${doctype[1]!.toUpperCase()}> at line ${line}. FSA food hygiene rating files have none: download the file again from the FSA and import it as it is`), { details: { line } })
  }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    const { line, col, msg } = valid.err
    throw Object.assign(new MalformedImport(`The XML is malformed at line ${line}, column ${col}: ${msg}`), { details: { line, column: col } })
  }
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: name => name === 'EstablishmentDetail' })
  const document = parser.parse(xml) as { FHRSEstablishment?: { EstablishmentCollection?: { EstablishmentDetail?: Establishment[] } | string } }
  const root = document.FHRSEstablishment
  if (root === undefined) {
    throw Object.assign(new MalformedImport('This is not an FSA food hygiene rating file: the root element <FHRSEstablishment> is missing'), { details: { element: 'FHRSEstablishment' } })
  }
  const collection = typeof root === 'object' && root && typeof root.EstablishmentCollection === 'object' ? root.EstablishmentCollection.EstablishmentDetail ?? [] : []
  const wanted = new Map(types.map(key => [FHRS_TYPES[key] as string, PREMISES_TYPE[key]]))
  const result: ParsedImport = { rows: collection.length, skipped: 0, candidates: [], rejected: [] }
  const seen = new Set<string>()

  collection.forEach((item, index) => {
    const id = text(item.FHRSID)
    const element = `EstablishmentDetail[${index + 1}]${id ? ` (FHRSID ${id})` : ''}`
    const premisesType = wanted.get(text(item.BusinessType))
    if (!premisesType) { result.skipped += 1; return }
    if (!/^\d+$/.test(id)) return result.rejected.push({ element, reason: 'FHRSID is missing or not a number' })
    if (seen.has(id)) return result.rejected.push({ element, reason: `FHRSID ${id} appears twice in this file` })
    const name = text(item.BusinessName)
    if (!name) return result.rejected.push({ element, reason: 'BusinessName is missing' })
    const geocode = typeof item.Geocode === 'object' && item.Geocode ? item.Geocode : {}
    const lng = coordinate(geocode.Longitude, -180, 180)
    const lat = coordinate(geocode.Latitude, -90, 90)
    if (Number.isNaN(lat) || Number.isNaN(lng)) return result.rejected.push({ element, reason: 'Geocode holds a coordinate that is not a valid longitude/latitude' })
    seen.add(id)
    const address = [item.AddressLine1, item.AddressLine2, item.AddressLine3, item.AddressLine4].map(text).filter(Boolean).join(', ')
    const candidate: ImportCandidate = {
      sourceRef: id,
      where: { element },
      values: { name, address, postcode: text(item.PostCode).toUpperCase() || null, premisesType },
      location: lat !== null && lng !== null ? { lat, lng } : null
    }
    result.candidates.push(candidate)
  })
  return result
}
