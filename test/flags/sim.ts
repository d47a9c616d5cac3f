// Seeded synthetic City for the acceptance scenario: a City-wide December peak and venues whose
// share of the City's incidents never changes (unless told to triple for a period).
export function mulberry32 (seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function poisson (random: () => number, lambda: number): number {
  if (lambda <= 0) return 0
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(random)))
  const limit = Math.exp(-lambda)
  let k = 0
  let p = random()
  while (p > limit) { k++; p *= random() }
  return k
}

function gaussian (random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())
}

export interface SimOptions {
  seed: number
  start: string
  days: number
  venues: number
  /** City-wide incidents per day outside December. */
  cityPerDay: number
  decemberFactor: number
  /** Share of the City's incidents that happen at venues (split unevenly between them). */
  venueShare: number
  /** Optional venue whose share is multiplied on some days. */
  boost?: { venue: number; share: number; factor: number; from: string; to: string }
}

export interface SimDay { date: string; city: number; venues: Int32Array }

export function dayRate (date: string, options: SimOptions): number {
  return options.cityPerDay * (date.slice(5, 7) === '12' ? options.decemberFactor : 1)
}

export function simulate (options: SimOptions): { days: SimDay[]; shares: number[] } {
  const random = mulberry32(options.seed)
  const weights = Array.from({ length: options.venues }, () => -Math.log(random() || 1e-12))
  const total = weights.reduce((s, w) => s + w, 0)
  const shares = weights.map(w => w / total * options.venueShare)
  if (options.boost) shares[options.boost.venue] = options.boost.share
  const days: SimDay[] = []
  const start = Date.parse(options.start + 'T12:00:00Z')
  for (let d = 0; d < options.days; d++) {
    const date = new Date(start + d * 86400000).toISOString().slice(0, 10)
    const rate = dayRate(date, options)
    const venues = new Int32Array(options.venues)
    let city = poisson(random, rate * Math.max(0, 1 - shares.reduce((s, x) => s + x, 0)))
    for (let v = 0; v < options.venues; v++) {
      const boosted = options.boost && options.boost.venue === v && date >= options.boost.from && date < options.boost.to
      venues[v] = poisson(random, rate * shares[v]! * (boosted ? options.boost!.factor : 1))
      city += venues[v]!
    }
    days.push({ date, city, venues })
  }
  return { days, shares }
}

/** Sums over [from, to) local dates: per venue and City-wide. */
export function windowSums (days: SimDay[], from: string, to: string, venues: number) {
  const perVenue = new Array<number>(venues).fill(0)
  let city = 0
  for (const day of days) {
    if (day.date < from || day.date >= to) continue
    city += day.city
    for (let v = 0; v < venues; v++) perVenue[v]! += day.venues[v]!
  }
  return { perVenue, city }
}
