// The partnership's indicators for a year: each priority's indicators with the 12 months of the
// year beside the same months a year earlier, the last 12 complete months against the 12 before,
// the target in force and the status by the rule in indicators.status.ts; and setting a target.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Indicator, IndicatorsResponse, TargetResponse } from '../../shared/schemas/indicators.ts'
import { addMonths } from '../../shared/dates.ts'
import { DEFAULT_CRIME_GROUPS } from '../../shared/incident-categories.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { crimeGroups } from '../flags/flags.public.ts'
import { fieldError } from '../errors.ts'
import { findIndicator, PRIORITIES, type Figures, type IndicatorDefinition, type LoadContext } from './indicators.catalogue.ts'
import { IndicatorNotFound } from './indicators.errors.ts'
import { statusOf, statusRule } from './indicators.status.ts'
import * as repo from './indicators.repository.ts'

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
const ym = (monthStart: string) => monthStart.slice(0, 7)

/** The figure of one month: a count, or a share as a percentage to one decimal place (null when there is nothing to share). */
function figureOf (def: IndicatorDefinition, figures: Figures, month: string): number | null {
  const raw = figures.get(month)
  if (def.unit === 'percent') return typeof raw === 'object' && raw.whole ? Math.round(raw.part / raw.whole * 1000) / 10 : null
  return typeof raw === 'number' ? raw : 0
}

/** The headline over the 12 months ending at `last` (YYYY-MM-01): a sum, a share of sums, or the last month's level. */
function headline (def: IndicatorDefinition, figures: Figures, last: string): number | null {
  if (def.unit === 'venues') return figureOf(def, figures, ym(last))
  const months = Array.from({ length: 12 }, (_, i) => ym(addMonths(last, -i)))
  if (def.unit === 'percent') {
    const shares = months.map(m => (figures as Map<string, { part: number; whole: number }>).get(m) ?? { part: 0, whole: 0 })
    const whole = shares.reduce((n, s) => n + s.whole, 0)
    return whole ? Math.round(shares.reduce((n, s) => n + s.part, 0) / whole * 1000) / 10 : null
  }
  return months.reduce((n, m) => n + (figureOf(def, figures, m) ?? 0), 0)
}

async function buildIndicator (def: IndicatorDefinition, ctx: LoadContext, when: { year: number; currentMonth: string }, adminTarget: number | undefined): Promise<Indicator> {
  const figures = await def.load(ctx)
  const { year, currentMonth } = when
  const months = Array.from({ length: 12 }, (_, i) => {
    const start = `${year}-${String(i + 1).padStart(2, '0')}-01`
    const before = addMonths(start, -12)
    return {
      month: ym(start),
      value: start > currentMonth ? null : figureOf(def, figures, ym(start)),
      lastYear: before > currentMonth ? null : figureOf(def, figures, ym(before)),
      ...(start === currentMonth ? { partial: true } : {})
    }
  })
  // The last complete month within the year; none when the year has not begun.
  const last = [addMonths(currentMonth, -1), `${year}-12-01`].sort()[0]!
  const started = `${year}-01-01` <= currentMonth
  const label = def.unit === 'venues' ? monthName(last) : `${monthName(addMonths(last, -11))} to ${monthName(last)}`
  const rolling = { label, value: started ? headline(def, figures, last) : null, lastYear: started ? headline(def, figures, addMonths(last, -12)) : null }
  const target = adminTarget ?? await def.defaultTarget?.(ctx.db)
  const { status, reason } = statusOf({ unit: def.unit, better: def.better, target, value: rolling.value, lastYear: rolling.lastYear, label })
  return {
    key: def.key, title: def.title, definition: def.definition(ctx.groups), sources: def.sources, unit: def.unit, better: def.better,
    months, rolling,
    ...(target !== undefined ? { target, targetSetBy: adminTarget !== undefined ? 'admin' as const : 'default' as const } : {}),
    status, statusRule: statusRule({ unit: def.unit, better: def.better, target }), statusReason: reason
  }
}

/** Every priority's indicators for `year`, with figures up to `today` (a local date). */
export async function indicatorsFor (db: Db, year: number, today: string, tz: string): Promise<IndicatorsResponse> {
  const groups = { ...DEFAULT_CRIME_GROUPS, ...await crimeGroups(db) }
  const targets = await repo.listTargets(db)
  // Two years before the year: the 12 months before a rolling 12 that ends early in the year.
  const ctx: LoadContext = { db, from: `${year - 2}-01-01`, to: `${year + 1}-01-01`, tz, groups }
  const when = { year, currentMonth: today.slice(0, 7) + '-01' }
  const priorities = []
  for (const priority of PRIORITIES) {
    const indicators: Indicator[] = []
    // One after another: in embedded mode the database has one session anyway.
    for (const def of priority.indicators) indicators.push(await buildIndicator(def, ctx, when, targets.get(def.key)))
    priorities.push({ key: priority.key, title: priority.title, aim: priority.aim, indicators, ...(priority.note ? { note: priority.note } : {}) })
  }
  return { year, asOf: today, priorities }
}

/** Sets (or, with null, clears) an indicator's target, audited in the same transaction. */
export async function setTarget (db: Db, key: string, target: number | null, user: CurrentUser): Promise<TargetResponse> {
  const def = findIndicator(key)
  if (!def) throw new IndicatorNotFound(key)
  if (target !== null && def.unit === 'percent' && target > 100) throw fieldError('target', 'Enter the target as a percentage between 0 and 100, like 90')
  if (target !== null && def.unit !== 'percent' && !Number.isInteger(target)) throw fieldError('target', `Enter the target as a whole number of ${def.unit === 'venues' ? 'venues' : 'records'}, like 80`)
  await db.transaction().execute(async trx => {
    const before = await repo.findTarget(trx, key)
    if (target === null) await repo.removeTarget(trx, key)
    else await repo.saveTarget(trx, key, target, user.id)
    await recordAudit(trx, { userId: user.id, action: 'indicator.target_set', entity: 'indicator', entityId: key, before: { target: before ?? null }, after: { target } })
  })
  if (target !== null) return { key, target, targetSetBy: 'admin' }
  const fallback = await def.defaultTarget?.(db)
  return fallback !== undefined ? { key, target: fallback, targetSetBy: 'default' } : { key }
}
