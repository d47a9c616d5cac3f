// The yearly progress against the target, venues not taking part, the CSV export and the
// late-night-levy reduction list (venues currently at the Safety Thirst standard).
import type { Db } from '../db/types.ts'
import { ST_STATUSES, ST_TIERS } from '../../shared/schemas/safety-thirst.ts'
import { TIER_LABELS, type Tier } from '../../shared/safety-thirst/tier.ts'
import { getSettings } from './criteria.repository.ts'
import * as repo from './progress.repository.ts'
import { toCsv } from '../http/csv.ts'

/** A count for every one of `keys` (0 where no row has it). */
function countsOf<K extends string> (keys: readonly K[], rows: { key: string; n: number }[]): Record<K, number> {
  return Object.fromEntries(keys.map(k => [k, rows.find(r => r.key === k)?.n ?? 0])) as Record<K, number>
}

export async function progress (db: Db, year: number) {
  const [settings, statuses, tiers] = await Promise.all([getSettings(db), repo.countByStatus(db, year), repo.countByTier(db, year)])
  const byStatus = countsOf(ST_STATUSES, statuses.map(r => ({ key: r.status, n: r.n })))
  const byTier = countsOf(ST_TIERS, tiers.map(r => ({ key: r.tier, n: r.n })))
  const accredited = byTier.pass + byTier.commended + byTier.highly_commended
  const applications = statuses.filter(r => r.status !== 'withdrawn').reduce((sum, r) => sum + r.n, 0)
  return { year, target: settings.target, accredited, applications, byTier, byStatus }
}

export async function notTakingPart (db: Db, year: number) {
  const items = await repo.notTakingPart(db, year)
  return { items: items.map(i => ({ ...i, tier: null, validUntil: null, certificateNumber: null, status: null })), total: items.length }
}

export async function levyReductions (db: Db, today: string) {
  const rows = await repo.currentlyAccredited(db, today)
  const seen = new Set<number>()
  const items = rows.filter(r => !seen.has(r.premisesId) && seen.add(r.premisesId)).map(r => ({ ...r, status: 'decided' }))
  return { items, total: items.length }
}

/** Every current premises and where it stands this year; "not taking part" when it has no application. */
export async function progressCsv (db: Db, year: number): Promise<string> {
  const rows = await repo.venuesForYear(db, year)
  return toCsv(
    ['premises_id', 'name', 'address', 'postcode', 'licence_number', 'year', 'taking_part', 'application_id', 'status', 'tier', 'valid_until', 'certificate_number'],
    rows.map(r => [r.premisesId, r.name, r.address, r.postcode, r.licenceNumber, year, r.applicationId ? 'yes' : 'no', r.applicationId, r.status, r.tier ? TIER_LABELS[r.tier as Tier] : '', r.validUntil, r.certificateNumber])
  )
}

export async function levyCsv (db: Db, today: string): Promise<string> {
  const { items } = await levyReductions(db, today)
  return toCsv(['premises_id', 'name', 'address', 'postcode', 'licence_number', 'tier', 'valid_until', 'certificate_number', 'levy_reduction'],
    items.map(r => [r.premisesId, r.name, r.address, r.postcode, r.licenceNumber, TIER_LABELS[r.tier as Tier], r.validUntil, r.certificateNumber, '30%']))
}
