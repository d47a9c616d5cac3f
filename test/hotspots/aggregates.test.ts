// The incident aggregates equal the raw computation exactly: on random incidents (every time
// precision, windows included, clock-change nights, every attribution) changed by random inserts, updates and
// deletes, the cell counts of the hotspot views (counts, harm, left-out records) and the flag
// counts are the same from the aggregates as from the incidents, for random filters.
import t from 'tap'
import fc from 'fast-check'
import { sql } from 'kysely'
import { build, testConfig } from '../helper.ts'
import type { Db } from '../../server/db/types.ts'
import { countCells } from '../../server/hotspots/cell-aggregates.repository.ts'
import type { CellCountRow } from '../../server/hotspots/hotspots.repository.ts'
import { analysisGrid, harmWeights } from '../../server/hotspots/hotspots.service.ts'
import type { HotspotFilters } from '../../server/hotspots/filters.ts'
import { countAttributedIncidents, type CountRow, type Precision } from '../../server/incidents/attributed-counts.repository.ts'
import { addDays, addMonths } from '../../shared/dates.ts'
import { aggregateZone } from '../../server/incidents/aggregates.repository.ts'
import { createPremises } from '../fixtures/premises.ts'
import { CITY } from './factory.ts'

const CATEGORIES = ['violent-crime', 'public-order', 'other-theft', 'drugs', 'no-weight-category']
const FIRST_DAY = '2024-02-20'
const SPAN_DAYS = 420
// Clock changes in the span: incidents crowd the hours around them.
const CHANGES = ['2024-03-31', '2024-10-27', '2025-03-30']

const dayArb = fc.integer({ min: 0, max: SPAN_DAYS }).map(d => addDays(FIRST_DAY, d))
const instantArb = fc.oneof(
  fc.tuple(dayArb, fc.integer({ min: 0, max: 24 * 60 - 1 })).map(([day, m]) => new Date(Date.parse(`${day}T00:00:00Z`) + m * 60000)),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -120, max: 240 })).map(([day, m]) => new Date(Date.parse(`${day}T00:00:00Z`) + m * 60000))
)

const incidentArb = (premisesIds: number[], windows = false) => fc.record({
  at: instantArb,
  precision: fc.constantFrom(...(['minute', 'minute', 'day', 'month', ...(windows ? ['window', 'window'] : [])] as const)) as fc.Arbitrary<'minute' | 'day' | 'month' | 'window'>,
  // minutes a window lasts: under an hour to several days
  span: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 6 * 24 * 60 })),
  category: fc.constantFrom(...CATEGORIES),
  dx: fc.integer({ min: -900, max: 900 }),
  dy: fc.integer({ min: -700, max: 700 }),
  located: fc.integer({ min: 0, max: 9 }).map(n => n > 0),
  attribution: fc.constantFrom('linked', 'proximate', 'ambiguous', 'none') as fc.Arbitrary<'linked' | 'proximate' | 'ambiguous' | 'none'>,
  premises: fc.constantFrom(...premisesIds),
  source: fc.constantFrom('police' as const, 'hospital' as const, 'council' as const)
})
type IncidentDraft = ReturnType<typeof incidentArb> extends fc.Arbitrary<infer T> ? T : never

function row (d: IncidentDraft) {
  const at = d.precision === 'month' ? new Date(Date.UTC(d.at.getUTCFullYear(), d.at.getUTCMonth(), 1)) : d.at
  const own = d.attribution === 'linked' || d.attribution === 'proximate'
  return {
    source: d.precision === 'month' ? 'police_uk' as const : d.source,
    category: d.category,
    occurredAt: at,
    occurredTo: d.precision === 'window' ? new Date(at.getTime() + d.span * 60000 + 17000) : null,
    timePrecision: d.precision,
    month: at.toISOString().slice(0, 7) + '-01',
    lat: d.located ? 51.51 : null, lng: d.located ? -0.09 : null,
    easting: d.located ? CITY.easting + d.dx + 0.5 : null, northing: d.located ? CITY.northing + d.dy + 0.25 : null,
    attribution: d.attribution,
    premisesId: own ? d.premises : null,
    candidatePremisesIds: d.attribution === 'ambiguous' ? [d.premises, d.premises + 1] : null,
    description: '[aggregates test]'
  }
}

/** One random change to the incidents, each a single statement as the app's writes are. */
const changeArb = (premisesIds: number[], windows: boolean) => fc.oneof(
  fc.array(incidentArb(premisesIds, windows), { minLength: 1, maxLength: 40 }).map(drafts => ({ kind: 'insert' as const, drafts })),
  fc.record({ kind: fc.constant('move' as const), modulo: fc.integer({ min: 2, max: 9 }), dx: fc.integer({ min: -300, max: 300 }), hours: fc.integer({ min: -30, max: 30 }) }),
  fc.record({ kind: fc.constant('recategorise' as const), modulo: fc.integer({ min: 2, max: 9 }), category: fc.constantFrom(...CATEGORIES) }),
  fc.record({ kind: fc.constant('reattribute' as const), modulo: fc.integer({ min: 2, max: 9 }), premises: fc.constantFrom(...premisesIds) }),
  fc.record({ kind: fc.constant('delete' as const), modulo: fc.integer({ min: 5, max: 15 }) })
)
type Change = ReturnType<typeof changeArb> extends fc.Arbitrary<infer T> ? T : never

async function apply (db: Db, change: Change) {
  const every = (modulo: number) => (qb: any) => qb.where(({ eb }: any) => eb(eb('id', '%', modulo), '=', 0))
  if (change.kind === 'insert') await db.insertInto('incidents').values(change.drafts.map(row)).execute()
  else if (change.kind === 'move') {
    await db.updateTable('incidents').$call(every(change.modulo))
      .set({ easting: sql`easting + ${change.dx}`, occurredAt: sql`occurred_at + ${`${change.hours} hours`}::interval` })
      .set({ occurredTo: sql`occurred_to + ${`${change.hours} hours`}::interval` })
      .where('timePrecision', '<>', 'month').execute()
  } else if (change.kind === 'recategorise') {
    await db.updateTable('incidents').$call(every(change.modulo)).set({ category: change.category }).execute()
  } else if (change.kind === 'reattribute') {
    await db.updateTable('incidents').$call(every(change.modulo)).set({ attribution: 'linked', premisesId: change.premises, candidatePremisesIds: null }).execute()
  } else await db.deleteFrom('incidents').$call(every(change.modulo)).execute()
}

const filterArb: fc.Arbitrary<HotspotFilters> = fc.record({
  from: dayArb,
  length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 400 })),
  categories: fc.subarray(CATEGORIES),
  sources: fc.oneof(fc.constant<string[]>([]), fc.subarray(['council', 'hospital', 'police', 'police_uk'], { minLength: 1 })),
  days: fc.oneof(fc.constant<number[]>([]), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map(d => d.sort())),
  hours: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })).filter(([a, b]) => a !== b).map(([start, end]) => ({ start, end })), { nil: null }),
  cellSize: fc.constantFrom(25, 50, 75, 100, 200),
  weight: fc.constantFrom('count', 'harm') as fc.Arbitrary<'count' | 'harm'>
}).map(({ length, ...f }) => ({ ...f, to: addDays(f.from, length), tz: 'Europe/London' }))

const byCell = <T extends { ix: number; iy: number }>(rows: T[]) => [...rows].sort((a, b) => a.ix - b.ix || a.iy - b.iy)

/**
 * With window-dated records a cell's count is a sum of float shares taken in another order:
 * equal to 1e-9 relative, then replaced by the raw figure so the rest of the row is compared exactly.
 */
const near = (raw: CellCountRow[]) => (row: CellCountRow, i: number): CellCountRow => {
  const r = raw[i]
  if (!r || r.ix !== row.ix || r.iy !== row.iy) return row
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
  return { ...row, count: close(row.count, r.count) ? r.count : row.count, harm: close(row.harm, r.harm) ? r.harm : row.harm }
}

async function sameCells (t: Pick<typeof import('tap').default, 'same'>, db: Db, f: HotspotFilters, windows: boolean) {
  const grid = analysisGrid(f.cellSize)
  const weights = f.weight === 'harm' ? await harmWeights(db) : new Map<string, number>()
  const raw = await countCells(db, f, f.cellSize, grid.bbox, weights, 'raw')
  const aggregated = await countCells(db, f, f.cellSize, grid.bbox, weights, 'aggregates')
  return t.same((windows ? byCell(aggregated).map(near(byCell(raw))) : byCell(aggregated)), byCell(raw), `cells for ${JSON.stringify(f)}`) ? raw.length : -1
}

const countQueryArb = (premisesIds: number[]) => fc.record({
  precision: fc.constantFrom('days', 'months') as fc.Arbitrary<Precision>,
  starts: fc.array(fc.tuple(dayArb, fc.integer({ min: 1, max: 120 })), { minLength: 1, maxLength: 3 }),
  groups: fc.array(fc.subarray(CATEGORIES, { minLength: 1 }), { minLength: 1, maxLength: 3 }),
  premisesIds: fc.option(fc.subarray(premisesIds), { nil: undefined })
}).map(q => ({
  precision: q.precision,
  windows: q.starts.map(([from, days], i) => q.precision === 'days'
    ? { key: `w${i}`, from, to: addDays(from, days) }
    : { key: `w${i}`, from: addMonths(from, 0), to: addMonths(from, Math.ceil(days / 30)) }),
  groups: Object.fromEntries(q.groups.map((categories, i) => [`g${i}`, categories])),
  tz: 'Europe/London',
  premisesIds: q.premisesIds
}))

const byKey = (rows: CountRow[]) => [...rows].sort((a, b) => `${a.group} ${a.window} ${a.premisesId} ${a.kind}`.localeCompare(`${b.group} ${b.window} ${b.premisesId} ${b.kind}`))


const app = await build(t)
const premisesIds = await Promise.all([1, 2, 3, 4].map(async () => (await createPremises(app.db)).id))

async function checkRandomChanges (t: Pick<typeof import('tap').default, 'same' | 'ok'>, windows: boolean) {
  let counted = 0
  await fc.assert(fc.asyncProperty(changeArb(premisesIds, windows), filterArb, countQueryArb(premisesIds), async (change, f, query) => {
    await apply(app.db, change)
    const cells = await sameCells(t, app.db, f, windows)
    counted += cells
    const raw = await countAttributedIncidents(app.db, query, 'raw')
    const aggregated = await countAttributedIncidents(app.db, query, 'aggregates')
    // false stops the run and shrinks to the smallest failing change and filters
    return t.same(byKey(aggregated), byKey(raw), `flag counts for ${JSON.stringify(query)}`) && cells >= 0
  }), { numRuns: 50, seed: Number(process.env.FC_SEED ?? Date.now() % 100000) })
  t.ok(counted > 50, `the filters found cells (${counted})`)
}

t.test('aggregates equal the raw cell counts and flag counts exactly, through random inserts, updates and deletes', async t => {
  await app.db.insertInto('incidents').values(fc.sample(incidentArb(premisesIds), { numRuns: 400, seed: 16 }).map(row)).execute()
  await checkRandomChanges(t, false)
})

t.test('with window-dated records too (shares summed in another order: equal to 1e-9; flag counts exactly)', async t => {
  await app.db.insertInto('incidents').values(fc.sample(incidentArb(premisesIds, true), { numRuns: 200, seed: 15 }).map(row)).execute()
  await checkRandomChanges(t, true)
})

t.test('the views read the aggregates in the zone they were built in, and a new zone rebuilds them', async t => {
  const stored = await app.db.selectFrom('incidents').select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  t.ok(Number(stored.n) > 100, 'incidents stored')
  const paris = await build(t, { config: testConfig({ tzLocal: 'Europe/Paris' }), database: app.dbHandle })
  const f: HotspotFilters = { from: '2024-03-01', to: '2024-11-30', categories: [], sources: [], days: [5, 6], hours: { start: 22, end: 4 }, cellSize: 50, weight: 'count', tz: 'Europe/Paris' }
  await sameCells(t, paris.db, f, true)
  t.equal(await aggregateZone(paris.db), 'Europe/Paris', 'rebuilt in the zone of the app')
})
