// The partnership's indicators for a year: each priority's indicators with the 12 months of the
// year beside the same months a year earlier, the last 12 complete months against the 12 before,
// the target in force and the status by the rule in indicators.status.ts; and setting a target.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Indicator, IndicatorsResponse, QuarterReport, TargetResponse } from '../../shared/schemas/indicators.ts'
import { addMonths } from '../../shared/dates.ts'
import { DEFAULT_CRIME_GROUPS } from '../../shared/incident-categories.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { crimeGroups } from '../flags/flags.public.ts'
import { fieldError } from '../errors.ts'
import { findIndicator, PRIORITIES, type Figures, type IndicatorDefinition, type LoadContext, type PriorityDefinition } from './indicators.catalogue.ts'
import { commentary } from './indicators.commentary.ts'
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
  return figureOver(def, figures, Array.from({ length: 12 }, (_, i) => ym(addMonths(last, i - 11))))
}

function buildIndicator (def: IndicatorDefinition, figures: Figures, ctx: LoadContext, when: { year: number; currentMonth: string }, target: { admin?: number; fallback?: number }): Indicator {
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
  const adminTarget = target.admin
  const target_ = adminTarget ?? target.fallback
  const { status, reason } = statusOf({ unit: def.unit, better: def.better, target: target_, value: rolling.value, lastYear: rolling.lastYear, label })
  return {
    key: def.key, title: def.title, definition: def.definition(ctx.groups), sources: def.sources, unit: def.unit, better: def.better,
    months, rolling,
    ...(target_ !== undefined ? { target: target_, targetSetBy: adminTarget !== undefined ? 'admin' as const : 'default' as const } : {}),
    status, statusRule: statusRule({ unit: def.unit, better: def.better, target: target_ }), statusReason: reason
  }
}

/** Each priority with each indicator's definition, raw monthly figures and its entry for `year`, with figures up to `today` (a local date). */
async function loadIndicators (db: Db, year: number, today: string, tz: string) {
  const groups = { ...DEFAULT_CRIME_GROUPS, ...await crimeGroups(db) }
  const targets = await repo.listTargets(db)
  // Two years before the year: the 12 months before a rolling 12 that ends early in the year.
  const ctx: LoadContext = { db, from: `${year - 2}-01-01`, to: `${year + 1}-01-01`, tz, groups }
  const when = { year, currentMonth: today.slice(0, 7) + '-01' }
  const priorities = []
  for (const priority of PRIORITIES) {
    const indicators: { def: IndicatorDefinition; figures: Figures; indicator: Indicator }[] = []
    // One after another: in embedded mode the database has one session anyway.
    for (const def of priority.indicators) {
      const figures = await def.load(ctx)
      const target = { admin: targets.get(def.key), fallback: await def.defaultTarget?.(db) }
      indicators.push({ def, figures, indicator: buildIndicator(def, figures, ctx, when, target) })
    }
    priorities.push({ priority, indicators })
  }
  return priorities
}

const priorityHeading = (priority: PriorityDefinition) => ({ key: priority.key, title: priority.title, aim: priority.aim, ...(priority.note ? { note: priority.note } : {}) })

/** Every priority's indicators for `year`, with figures up to `today` (a local date). */
export async function indicatorsFor (db: Db, year: number, today: string, tz: string): Promise<IndicatorsResponse> {
  const loaded = await loadIndicators(db, year, today, tz)
  return { year, asOf: today, priorities: loaded.map(p => ({ ...priorityHeading(p.priority), indicators: p.indicators.map(i => i.indicator) })) }
}

/** The figure of a run of months: a sum of counts, a share of the sums, or the level at the last month for venues. */
function figureOver (def: IndicatorDefinition, figures: Figures, months: string[]): number | null {
  if (def.unit === 'venues') return figureOf(def, figures, months.at(-1)!)
  if (def.unit === 'percent') {
    const shares = months.map(m => (figures as Map<string, { part: number; whole: number }>).get(m) ?? { part: 0, whole: 0 })
    const whole = shares.reduce((n, s) => n + s.whole, 0)
    return whole ? Math.round(shares.reduce((n, s) => n + s.part, 0) / whole * 1000) / 10 : null
  }
  return months.reduce((n, m) => n + (figureOf(def, figures, m) ?? 0), 0)
}

/** "July to September 2025" */
export const quarterLabel = (year: number, quarter: number) => `${MONTH_NAMES[(quarter - 1) * 3]} to ${MONTH_NAMES[quarter * 3 - 1]} ${year}`

/**
 * The quarterly report for the Strategy Group: each indicator's figure for the quarter against
 * the same quarter a year earlier (for the quarter in progress, its months so far against the
 * same months), its three months, the target and status of the indicators page, and a sentence
 * of commentary. A quarter that has not started is refused in words.
 */
export async function quarterReport (db: Db, year: number, quarter: number, today: string, tz: string): Promise<QuarterReport> {
  const first = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`
  const currentMonth = today.slice(0, 7) + '-01'
  if (first > currentMonth) {
    const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
    throw fieldError('quarter', `${quarterLabel(year, quarter)} has not started yet: choose a quarter up to ${quarterLabel(Number(today.slice(0, 4)), current)}`)
  }
  const quarterMonths = [0, 1, 2].map(i => addMonths(first, i))
  const started = quarterMonths.filter(m => m <= currentMonth).map(ym)
  const soFar = quarterMonths[2]! >= currentMonth
  const loaded = await loadIndicators(db, year, today, tz)
  const priorities = loaded.map(p => ({
    ...priorityHeading(p.priority),
    indicators: p.indicators.map(({ def, figures, indicator }) => {
      const value = figureOver(def, figures, started)
      const lastYear = figureOver(def, figures, started.map(m => ym(addMonths(`${m}-01`, -12))))
      return {
        key: def.key, title: def.title, unit: def.unit, better: def.better,
        months: quarterMonths.map(m => ({
          month: ym(m), value: m > currentMonth ? null : figureOf(def, figures, ym(m)), lastYear: figureOf(def, figures, ym(addMonths(m, -12))),
          ...(m === currentMonth ? { partial: true } : {})
        })),
        value, lastYear,
        ...(indicator.target !== undefined ? { target: indicator.target } : {}),
        status: indicator.status, statusReason: indicator.statusReason,
        ...(def.noun ? { noun: def.noun } : {}),
        commentary: commentary({ title: def.title, pluralTitle: def.pluralTitle ?? false, unit: def.unit, noun: def.noun, value, lastYear, soFar })
      }
    })
  }))
  return { year, quarter, label: quarterLabel(year, quarter), soFar, asOf: today, priorities }
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
