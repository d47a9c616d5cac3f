// Demo data of the safety-thirst domain, seeded once inside the demo transaction (ctx.db): the
// rubric as the current criteria set, last year's (expired) awards, and for this year a spread of
// decided applications of every tier with certificates, submitted, under assessment and draft ones.
// The demo manager's first premises has a draft to complete; its other premises has no application.
import type { DemoStep } from '../demo/seed.ts'
import type { Db } from '../db/types.ts'
import type { Level, Result, Tier } from '../../shared/safety-thirst/tier.ts'
import * as repo from './applications.repository.ts'
import { criteriaOf } from './criteria.repository.ts'
import { currentSet } from './criteria.service.ts'
import { recordDecision } from './assessment.service.ts'
import type { StStatus } from './safety-thirst.tables.ts'

const PLAN: { tier: Tier | null; status: StStatus; count: number }[] = [
  { tier: 'highly_commended', status: 'decided', count: 12 },
  { tier: 'commended', status: 'decided', count: 18 },
  { tier: 'pass', status: 'decided', count: 22 },
  { tier: 'not_accredited', status: 'decided', count: 4 },
  { tier: null, status: 'moderated', count: 2 },
  { tier: null, status: 'under_assessment', count: 3 },
  { tier: null, status: 'submitted', count: 7 },
  { tier: null, status: 'draft', count: 5 }
]
const PATH: StStatus[] = ['submitted', 'under_assessment', 'moderated', 'decided']
const AGENCIES = ['City of London Police', 'London Fire Brigade', 'Environmental health', 'Cleansing', 'Licensing liaison meeting']

function prng (seed: number) {
  let s = seed >>> 0
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32 }
}

/** Officer results aiming at a tier under the starting rules (50% / 75% desired, 2 bonus). */
function resultsFor (tier: Tier, criteria: { code: string; level: Level }[], random: () => number): Record<string, Result> {
  const desired = criteria.filter(c => c.level === 'desired')
  const bonus = criteria.filter(c => c.level === 'bonus')
  const essential = criteria.filter(c => c.level === 'essential')
  const pick = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const half = Math.ceil(desired.length / 2)
  const threeQuarters = Math.ceil(desired.length * 0.75)
  const desiredMet = tier === 'highly_commended' ? pick(threeQuarters, desired.length) : tier === 'commended' ? pick(half, threeQuarters - 1) : pick(1, half - 1)
  const bonusMet = tier === 'highly_commended' ? pick(2, bonus.length) : tier === 'commended' ? pick(0, 1) : pick(0, 2)
  const out: Record<string, Result> = {}
  const failing = tier === 'not_accredited' ? new Set([essential[pick(0, essential.length - 1)].code, essential[pick(0, essential.length - 1)].code]) : new Set<string>()
  essential.forEach(c => { out[c.code] = failing.has(c.code) ? (random() < 0.5 ? 'partly' : 'not_met') : 'met' })
  const shuffled = <T>(items: T[]) => items.map(v => ({ v, k: random() })).sort((a, b) => a.k - b.k).map(x => x.v)
  shuffled(desired).forEach((c, i) => { out[c.code] = i < desiredMet ? 'met' : random() < 0.5 ? 'partly' : 'not_met' })
  shuffled(bonus).forEach((c, i) => { out[c.code] = i < bonusMet ? 'met' : 'not_met' })
  return out
}

const daysAgo = (today: Date, days: number) => new Date(today.getTime() - days * 86400000)

async function seedApplication (db: Db, o: { premisesId: number; year: number; setId: number; status: StStatus; tier: Tier | null; answeredShare: number; criteria: { code: string; level: Level; evidence: string }[]; random: () => number; users: { manager: number; officer: number; admin: number }; today: Date; expire?: boolean }) {
  const submittedAt = o.status === 'submitted' && o.random() < 0.3 ? daysAgo(o.today, 35) : daysAgo(o.today, 20 + Math.floor(o.random() * 60))
  const row = await repo.insertApplication(db, { premisesId: o.premisesId, year: o.year, criteriaSetId: o.setId, createdBy: o.users.manager, assessors: '[]', agenciesConsulted: '[]', createdAt: daysAgo(submittedAt, 10) })
  const results = resultsFor(o.tier ?? (['pass', 'commended', 'highly_commended'] as Tier[])[Math.floor(o.random() * 3)], o.criteria, o.random)
  const answered = o.criteria.slice(0, Math.round(o.criteria.length * o.answeredShare))
  await repo.upsertAnswers(db, row.id, answered.map(c => ({
    criterionCode: c.code, answer: results[c.code] === 'met' || o.random() < 0.3 ? 'yes' : results[c.code] === 'partly' ? 'partly' : 'no', evidence: `${c.evidence} Kept on site.`
  })))
  if (o.status === 'draft') return
  const steps = PATH.slice(0, PATH.indexOf(o.status) + 1)
  for (const status of steps) {
    const at = status === 'submitted' ? submittedAt : daysAgo(o.today, Math.max(1, Math.floor(o.random() * 15)))
    if (status === 'under_assessment') {
      await repo.upsertResults(db, row.id, o.criteria.map(c => ({ criterionCode: c.code, result: results[c.code], note: results[c.code] === 'met' ? '' : 'Seen on the visit: not fully in place.' })))
    }
    if (status === 'decided') {
      await recordDecision(db, (await repo.findApplication(db, row.id))!, o.users.officer, at)
      continue
    }
    await repo.updateApplication(db, row.id, {
      status,
      ...(status === 'submitted' ? { submittedAt } : {}),
      ...(status === 'under_assessment' ? { siteVisitDate: at.toISOString().slice(0, 10), assessors: JSON.stringify(['Olu Officer']), agenciesConsulted: JSON.stringify(AGENCIES.slice(0, 2 + Math.floor(o.random() * 3))), assessedBy: o.users.officer, assessedAt: at } : {}),
      ...(status === 'moderated' ? { moderatedBy: o.users.admin, moderatedAt: at, moderationConfirmed: true, moderationNote: 'Results confirmed.' } : {})
    })
  }
  if (o.expire) await repo.updateApplication(db, row.id, { status: 'expired', expiredAt: new Date(`${o.year + 1}-01-01T00:05:00Z`) })
}

export const safetyThirstDemoSteps: DemoStep[] = [{
  name: 'safety-thirst',
  async run (ctx) {
    const db = ctx.db
    const set = await currentSet(db)
    const criteria = await criteriaOf(db, set.id, false)
    const year = ctx.clock.year()
    const managed = (await db.selectFrom('premisesManagers').select('premisesId').where('userId', '=', ctx.users.manager).orderBy('premisesId').execute()).map(r => r.premisesId)
    const premises = await db.selectFrom('premises').select('id').where('status', '=', 'current')
      .where('id', 'not in', managed.length ? managed : [-1]).orderBy('id').execute()
    const random = prng(2005)
    const users = { manager: ctx.users.manager, officer: ctx.users.officer, admin: ctx.users.admin }
    const counts: Record<string, number> = {}
    let index = 0
    for (const entry of PLAN) {
      for (let i = 0; i < entry.count && index < premises.length; i++, index++) {
        await seedApplication(db, { premisesId: premises[index].id, year, setId: set.id, status: entry.status, tier: entry.tier, answeredShare: entry.status === 'draft' ? 0.2 + random() * 0.6 : 1, criteria, random, users, today: ctx.clock.now() })
        counts[entry.tier ?? entry.status] = (counts[entry.tier ?? entry.status] ?? 0) + 1
      }
    }
    // Last year: most of this year's accredited venues and a few others held an award that has now expired.
    const lastYear = premises.slice(0, Math.min(premises.length, 60)).filter((_, i) => i % 4 !== 3)
    for (const p of lastYear) {
      const tier = (['pass', 'commended', 'highly_commended'] as Tier[])[Math.floor(random() * 3)]
      await seedApplication(db, { premisesId: p.id, year: year - 1, setId: set.id, status: 'decided', tier, answeredShare: 1, criteria, random, users, today: new Date(`${year - 1}-07-15T12:00:00Z`), expire: true })
    }
    // The demo manager completes this draft in the browser; the other managed premises has none this year.
    if (managed[0] !== undefined) {
      await seedApplication(db, { premisesId: managed[0], year, setId: set.id, status: 'draft', tier: null, answeredShare: 0, criteria, random, users, today: ctx.clock.now() })
    }
    return { criteriaVersion: set.version, year, ...counts, lastYearExpired: lastYear.length, managerDraft: managed[0] ?? null }
  }
}]
