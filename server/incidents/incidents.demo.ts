// Demo data of the incidents domain, seeded once inside the demo transaction (ctx.db): all 100
// months of real City of London police.uk street crime (demo/police-uk/, OGL v3.0) through the
// same import code, then a small, clearly synthetic set ("[demo]") of venue incident-book and
// police records with real times on Friday/Saturday nights around demo venues.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DemoContext, DemoStep } from '../demo/seed.ts'
import { lngLatToBng, bngToLngLat } from '../geo/bng.ts'
import { storeStreetCsv } from './imports.service.ts'
import { attributeIncidents } from './attribution.service.ts'
import { addDays, localDate, localMonthStart, localToUtc } from '../../shared/dates.ts'

export const DEMO_POLICE_UK = fileURLToPath(new URL('../../demo/police-uk', import.meta.url))

async function importPoliceUk (ctx: DemoContext) {
  const files = readdirSync(DEMO_POLICE_UK).filter(f => f.endsWith('.csv')).sort()
  const totals = { files: files.length, rows: 0, imported: 0, noLocation: 0 }
  for (const file of files) {
    const s = await storeStreetCsv(ctx.db, readFileSync(join(DEMO_POLICE_UK, file)), { fileName: file, tz: ctx.config.tzLocal })
    totals.rows += s.rows; totals.imported += s.imported; totals.noLocation += s.noLocation
  }
  return totals
}

/** A small deterministic generator, so every demo database looks the same. */
function random (seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296
    return seed / 4294967296
  }
}

const VENUE_KINDS = ['ejection', 'intoxication', 'noise', 'other-theft', 'theft-from-the-person', 'violent-crime', 'sexual-harassment', 'drink-spiking']
const POLICE_KINDS = ['violent-crime', 'theft-from-the-person', 'public-order', 'drugs', 'other-theft', 'drink-spiking', 'robbery']
const TEXT: Record<string, string> = {
  ejection: 'Guest ejected by door staff after refusing to leave',
  intoxication: 'Guest too intoxicated to stay; taxi called',
  noise: 'Noise complaint from a neighbour about the smoking area',
  'other-theft': 'Bag taken from under a table',
  'theft-from-the-person': 'Phone snatched from a customer near the entrance',
  'violent-crime': 'Fight outside at closing time',
  'sexual-harassment': 'Customer reported unwanted touching; welfare officer assisted',
  'drink-spiking': 'Customer believed their drink was spiked; first aid given',
  'public-order': 'Group shouting and threatening passers-by',
  drugs: 'Suspected drug possession found during a search',
  robbery: 'Phone taken by force in the street'
}

async function syntheticIncidents (ctx: DemoContext) {
  const tz = ctx.config.tzLocal
  const managed = await ctx.db.selectFrom('premisesManagers').select('premisesId').where('userId', '=', ctx.users.manager).execute()
  const premises = await ctx.db.selectFrom('premises').select(['id', 'lat', 'lng', 'easting', 'northing'])
    .where('easting', 'is not', null).orderBy('id').limit(400).execute()
  const managedIds = new Set(managed.map(m => m.premisesId))
  const venues = [...premises.filter(p => managedIds.has(p.id)), ...premises.filter(p => !managedIds.has(p.id)).filter((_, i) => i % 12 === 0).slice(0, 16)]
  const rand = random(20171)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!
  const today = ctx.clock.today()
  // Fridays and Saturdays of the last 18 months, newest first.
  const nights: string[] = []
  for (let d = addDays(today, -1); d > addDays(today, -548); d = addDays(d, -1)) {
    const dow = new Date(d + 'T12:00:00Z').getUTCDay()
    if (dow === 5 || dow === 6) nights.push(d)
  }
  const rows = []
  const fallback: { id: number | null; easting: number | null; northing: number | null } = { id: null, easting: 532500, northing: 181300 }
  const targets: { id: number | null; easting: number | null; northing: number | null }[] = venues.length ? venues : [fallback]
  for (let n = 0; n < 420; n++) {
    const venue = n < 40 && venues[0] ? venues[0] as typeof fallback : pick(targets) // the first venue gets a recent burst (for flags)
    const night = n < 40 ? pick(nights.slice(0, 8)) : pick(nights)
    const hour = (22 + Math.floor(rand() * 7)) % 24
    const date = hour < 22 ? addDays(night, 1) : night
    const at = localToUtc(date, tz, hour, Math.floor(rand() * 60))
    if (at > ctx.clock.now()) continue
    const isVenue = venue.id !== null && managedIds.has(venue.id) && rand() < 0.6
    const category = isVenue ? pick(VENUE_KINDS) : pick(POLICE_KINDS)
    const linked = isVenue || (venue.id !== null && rand() < 0.35)
    const angle = rand() * 2 * Math.PI
    const dist = linked ? 0 : rand() * 15
    const point = bngToLngLat(venue.easting! + Math.cos(angle) * dist, venue.northing! + Math.sin(angle) * dist)
    const grid = lngLatToBng(point.lng, point.lat)
    rows.push({
      source: isVenue ? 'venue' as const : 'police' as const,
      category,
      occurredAt: at,
      timePrecision: 'minute' as const,
      month: localMonthStart(at, tz),
      lat: point.lat, lng: point.lng, easting: grid.easting, northing: grid.northing,
      premisesId: linked ? venue.id : null,
      attribution: linked && venue.id ? 'linked' as const : 'none' as const,
      description: `[demo] ${TEXT[category] ?? 'Incident'}`,
      policeOnlyNotes: isVenue ? null : '[demo] Suspect description held on the police system',
      reportedBy: isVenue ? ctx.users.manager : ctx.users.police
    })
  }
  const ids = []
  for (let i = 0; i < rows.length; i += 500) {
    ids.push(...(await ctx.db.insertInto('incidents').values(rows.slice(i, i + 500)).returning('id').execute()).map(r => r.id))
  }
  await attributeIncidents(ctx.db, ids)
  return { synthetic: ids.length, venues: venues.length }
}

export const incidentsDemoSteps: DemoStep[] = [
  { name: 'incidents: police.uk City of London street crime', run: importPoliceUk },
  { name: 'incidents: synthetic venue-book and police records', run: syntheticIncidents }
]
