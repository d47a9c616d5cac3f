// Synthetic premises and incidents shaped like a City night-time economy: most incidents
// cluster around a few busy venues (risky facilities), some background, a December peak,
// night hours on Friday and Saturday, and police.uk-like category proportions.
import { bngToLngLat } from '../../server/geo/bng.ts'
import { loadBoundary, pointInRing } from '../../server/geo/boundary.ts'
import { createRandom, cumulate, type Random } from '../../server/demo/random.ts'

export interface SyntheticOptions { incidents: number; premises: number; seed: number; end: string; years: number }

export interface SyntheticPremises { name: string; licenceNumber: string; easting: number; northing: number; lat: number; lng: number; capacity: number; postcode: string; weight: number }

/** Column arrays for a batch of incidents (what unnest() or COPY wants). */
export interface IncidentBatch {
  category: string[]; occurredAt: string[]; month: string[]; lat: number[]; lng: number[]
  easting: number[]; northing: number[]; venue: (number | null)[]; attribution: string[]
  /** Venue indexes of an ambiguous incident's candidates, nearest first; null otherwise. */
  candidates: (number[] | null)[]
}

// Roughly the City of London's police.uk mix, plus the locally recorded kinds.
export const CATEGORY_WEIGHTS: Record<string, number> = {
  'other-theft': 24, 'violent-crime': 17, 'theft-from-the-person': 12, 'anti-social-behaviour': 11,
  shoplifting: 8, 'public-order': 6, drugs: 4, 'criminal-damage-arson': 3, 'bicycle-theft': 3,
  'vehicle-crime': 2, burglary: 2, robbery: 1.5, 'other-crime': 1.5, 'possession-of-weapons': 0.5,
  'drink-spiking': 0.8, 'sexual-harassment': 0.6, noise: 0.4, intoxication: 0.4, ejection: 0.3
}
const NIGHT_CATEGORIES = new Set(['violent-crime', 'public-order', 'anti-social-behaviour', 'drugs', 'drink-spiking', 'sexual-harassment', 'noise', 'intoxication', 'ejection', 'theft-from-the-person', 'robbery'])
const MONTH_WEIGHTS = [0.85, 0.85, 0.95, 0.95, 1, 1, 1, 0.95, 1, 1.05, 1.15, 1.6] // December peak
const DOW_WEIGHTS = [0.85, 0.8, 0.85, 0.95, 1.15, 1.45, 1.4] // Sun..Sat by night-of date
// Hours 18..29 (29 = 05:00 next morning) for night incidents; 06..23 for daytime ones.
const NIGHT_HOURS = cumulate([1, 1.5, 2, 3, 4.5, 6, 7, 7, 6, 4, 2, 1])
const DAY_HOURS = cumulate([1, 2, 4, 5, 6, 7, 8, 8, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1.5])
const POSTCODES = ['EC1A 4HD', 'EC2M 7PY', 'EC2V 7HH', 'EC3V 9LJ', 'EC4M 8AD', 'EC4N 6AP', 'EC3A 5DE', 'EC2Y 8DS']
const VENUE_SHARE = 0.8
const LINKED_SHARE = 0.35
const RADIUS = 20

function boundaryBox (ring: [number, number][]) {
  const xs = ring.map(p => p[0]); const ys = ring.map(p => p[1])
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) }
}

function pointInside (rnd: Random, ring: [number, number][], box: ReturnType<typeof boundaryBox>): [number, number] {
  for (;;) {
    const x = box.minX + rnd.next() * (box.maxX - box.minX)
    const y = box.minY + rnd.next() * (box.maxY - box.minY)
    if (pointInRing(x, y, ring)) return [x, y]
  }
}

export function generatePremises (options: Pick<SyntheticOptions, 'premises' | 'seed'>): SyntheticPremises[] {
  const rnd = createRandom(options.seed)
  const ring = loadBoundary().ringBng
  const box = boundaryBox(ring)
  const centres = Array.from({ length: 8 }, () => pointInside(rnd, ring, box))
  const out: SyntheticPremises[] = []
  while (out.length < options.premises) {
    let x: number, y: number
    if (rnd.next() < 0.7) {
      const [cx, cy] = rnd.pick(centres)
      x = cx + rnd.gaussian() * 150; y = cy + rnd.gaussian() * 150
      if (!pointInRing(x, y, ring)) continue
    } else {
      [x, y] = pointInside(rnd, ring, box)
    }
    const n = out.length + 1
    const { lat, lng } = bngToLngLat(x, y)
    out.push({
      name: `Synthetic Venue ${n}`, licenceNumber: `SYN/${options.seed}/${n}`, easting: round2(x), northing: round2(y), lat, lng,
      capacity: 50 + Math.floor(rnd.next() * 750), postcode: rnd.pick(POSTCODES),
      weight: Math.exp(rnd.gaussian() * 1.1) // heavy tail: a few venues draw most incidents
    })
  }
  return out
}

const round2 = (x: number) => Math.round(x * 100) / 100
const pad = (n: number) => String(n).padStart(2, '0')

/** Europe/London offset from UTC in hours on a date (BST from the last Sunday of March to the last Sunday of October). */
function londonOffset (y: number, m: number, d: number): number {
  const lastSunday = (month: number) => { const last = new Date(Date.UTC(y, month + 1, 0)); return last.getUTCDate() - last.getUTCDay() }
  if (m < 2 || m > 9) return 0
  if (m > 2 && m < 9) return 1
  return m === 2 ? (d >= lastSunday(2) ? 1 : 0) : (d < lastSunday(9) ? 1 : 0)
}

/** Yields incidents in batches of column arrays; premises are referenced by index (0-based). */
export function * generateIncidents (options: SyntheticOptions, premises: SyntheticPremises[], batchSize = 10000): Generator<IncidentBatch> {
  const rnd = createRandom(options.seed ^ 0x9e3779b9)
  const ring = loadBoundary().ringBng
  const box = boundaryBox(ring)
  const categories = Object.keys(CATEGORY_WEIGHTS)
  const categoryCum = cumulate(Object.values(CATEGORY_WEIGHTS))
  const venueCum = cumulate(premises.map(p => p.weight))
  const endMs = Date.parse(`${options.end}T00:00:00Z`)
  const days: Date[] = []
  for (let t = endMs - Math.round(options.years * 365.25) * 86400000; t <= endMs; t += 86400000) days.push(new Date(t))
  const dayCum = cumulate(days.map(d => MONTH_WEIGHTS[d.getUTCMonth()]! * DOW_WEIGHTS[d.getUTCDay()]!))
  const grid = new Map<string, number[]>()
  premises.forEach((p, i) => {
    const key = `${Math.floor(p.easting / RADIUS)}:${Math.floor(p.northing / RADIUS)}`
    grid.set(key, [...(grid.get(key) ?? []), i])
  })
  const nearVenues = (x: number, y: number) => {
    const gx = Math.floor(x / RADIUS); const gy = Math.floor(y / RADIUS); const hits: number[] = []
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of grid.get(`${gx + dx}:${gy + dy}`) ?? []) if (Math.hypot(premises[i]!.easting - x, premises[i]!.northing - y) <= RADIUS) hits.push(i)
      }
    }
    return hits
  }
  let batch = emptyBatch()
  for (let n = 0; n < options.incidents; n++) {
    const category = categories[rnd.weighted(categoryCum)]!
    const nightOf = days[rnd.weighted(dayCum)]!
    const weekendNight = nightOf.getUTCDay() === 5 || nightOf.getUTCDay() === 6
    const night = NIGHT_CATEGORIES.has(category) ? rnd.next() < (weekendNight ? 0.9 : 0.65) : rnd.next() < 0.15
    const hour = night ? 18 + rnd.weighted(NIGHT_HOURS) : 6 + rnd.weighted(DAY_HOURS)
    const local = new Date(nightOf.getTime() + hour * 3600000 + Math.floor(rnd.next() * 3600) * 1000)
    const at = new Date(local.getTime() - londonOffset(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) * 3600000)
    let x: number, y: number, venue: number | null = null, attribution = 'none', candidates: number[] | null = null
    if (premises.length && rnd.next() < VENUE_SHARE) {
      const v = rnd.weighted(venueCum)
      x = premises[v]!.easting + rnd.gaussian() * 12; y = premises[v]!.northing + rnd.gaussian() * 12
      if (rnd.next() < LINKED_SHARE) { venue = v; attribution = 'linked' }
    } else {
      [x, y] = pointInside(rnd, ring, box)
    }
    if (attribution === 'none') {
      const near = nearVenues(x, y)
      if (near.length === 1) { venue = near[0]!; attribution = 'proximate' } else if (near.length > 1) {
        attribution = 'ambiguous'
        candidates = near.sort((a, b) => Math.hypot(premises[a]!.easting - x, premises[a]!.northing - y) - Math.hypot(premises[b]!.easting - x, premises[b]!.northing - y))
      }
    }
    const { lat, lng } = bngToLngLat(x, y)
    batch.category.push(category)
    batch.occurredAt.push(at.toISOString())
    batch.month.push(`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-01`)
    batch.lat.push(Math.round(lat * 1e6) / 1e6); batch.lng.push(Math.round(lng * 1e6) / 1e6)
    batch.easting.push(round2(x)); batch.northing.push(round2(y))
    batch.venue.push(venue); batch.attribution.push(attribution); batch.candidates.push(candidates)
    if (batch.category.length >= batchSize) { yield batch; batch = emptyBatch() }
  }
  if (batch.category.length) yield batch
}

function emptyBatch (): IncidentBatch {
  return { category: [], occurredAt: [], month: [], lat: [], lng: [], easting: [], northing: [], venue: [], attribution: [], candidates: [] }
}
