// After a run: raise, update or re-open flags from the run's flagged evaluations, record their
// events, and notify officers and police (strong at once; rising after two consecutive runs;
// watch never). Dedupe keys per flag and run make a repeated run notify nothing new.
import type { Transaction } from 'kysely'
import type { Database } from '../db/types.ts'
import { notify } from '../notifications/notifications.public.ts'
import * as repo from './flags.repository.ts'
import { RECENT_DAYS } from './flags.stats.ts'
import { addDays } from '../../shared/dates.ts'
import { ROLE_GROUP_NAMES } from '../../shared/roles.ts'
import type { FlagLevel } from './flags.tables.ts'
import type { VenueEvaluation } from './flags.run.service.ts'

const RANK: Record<FlagLevel, number> = { watch: 1, rising: 2, strong: 3 }
const NOTIFY_ROLES = ['licensing_officer', 'police'] as const

const keyOf = (e: { premisesId: number; crimeGroup: string; basis: string }) => `${e.premisesId}|${e.crimeGroup}|${e.basis}`

export async function syncFlags (trx: Transaction<Database>, run: { runId: number; asOf: string }, flagged: VenueEvaluation[]): Promise<number> {
  const previous = await repo.previousRun(trx, run.asOf)
  const raisedBefore = new Set((previous ? await repo.raisedEvaluations(trx, previous.id) : []).map(keyOf))
  const existing = new Map((await repo.allFlagKeys(trx)).map(f => [keyOf(f), f]))
  const now = new Date()
  const current: number[] = []
  let notified = 0

  for (const e of flagged) {
    const level = e.level!
    const stats = {
      level, recent: e.recent, recentLinked: e.recentLinked, recentProximate: e.recentProximate, baseline: e.baseline,
      cityRecent: e.cityRecent, cityBaseline: e.cityBaseline, lastYear: e.lastYear, expected: e.expected, ratio: e.ratio,
      p: e.p, q: e.q, explanation: e.explanation!, stillFlagged: true, lastRaisedAsOf: run.asOf, lastEvaluatedAt: now, lastRunId: run.runId
    }
    const flag = existing.get(keyOf(e))
    let id: number
    let status = 'open'
    if (!flag) {
      id = (await repo.insertFlag(trx, { premisesId: e.premisesId, crimeGroup: e.crimeGroup, basis: e.basis, ...stats })).id
      await repo.insertEvent(trx, { flagId: id, kind: 'raised', level, asOf: run.asOf })
    } else {
      id = flag.id
      status = flag.status
      if (flag.status === 'resolved') {
        // It rises again: a level above the one resolved, or flagged once the resolved 28 days have passed.
        const resolvedOn = flag.resolvedAt ? flag.resolvedAt.toISOString().slice(0, 10) : run.asOf
        if (RANK[level] > RANK[flag.level] || run.asOf >= addDays(resolvedOn, RECENT_DAYS)) {
          status = 'open'
          await repo.updateFlag(trx, id, { ...stats, status: 'open', acknowledgedAt: null, acknowledgedBy: null, acknowledgeNote: null, resolvedAt: null, resolvedBy: null, resolveNote: null })
          await repo.insertEvent(trx, { flagId: id, kind: 'reopened', level, asOf: run.asOf })
        } else {
          await repo.updateFlag(trx, id, { stillFlagged: true, lastEvaluatedAt: now })
        }
      } else {
        await repo.updateFlag(trx, id, stats)
        if (flag.level !== level) await repo.insertEvent(trx, { flagId: id, kind: 'level_changed', level, asOf: run.asOf })
      }
    }
    current.push(id)
    if (status !== 'open') continue
    const due = level === 'strong' || (level === 'rising' && raisedBefore.has(keyOf(e)))
    if (!due) continue
    const sent = await notify(trx, NOTIFY_ROLES.map(role => ({
      role,
      premisesId: e.premisesId,
      kind: 'flag',
      title: `${level === 'strong' ? 'Strong rise' : 'Rising'} in ${e.crimeGroup} at ${e.premisesName}`,
      body: e.explanation!,
      link: `/flags/${id}`,
      dedupeKey: `flag:${id}:${run.asOf}:${role}`
    })))
    if (sent > 0) {
      notified += sent
      await repo.insertEvent(trx, { flagId: id, kind: 'notified', level, asOf: run.asOf, note: `Notified ${NOTIFY_ROLES.map(role => ROLE_GROUP_NAMES[role]).join(' and ')}` })
    }
  }
  await repo.markNotFlagged(trx, current)
  return notified
}
