// The premises history: one timeline gathered from every domain's public module. Each
// contributor turns its domain's dated records into events; a new domain (casework's decisions,
// concerns) joins by adding one contributor here.
import type { Db } from '../db/types.ts'
import { requirePremises } from '../premises/premises.public.ts'
import { incidentsAttributedTo } from '../incidents/incidents.public.ts'
import { flagEventsOfPremises } from '../flags/flags.public.ts'
import { applicationHistory, planHistory } from '../plans/plans.public.ts'
import { premisesApplications } from '../safety-thirst/safety-thirst.public.ts'
import { addDays, localToUtc } from '../../shared/dates.ts'
import { categoryLabel } from '../../shared/incident-categories.ts'
import { TIER_LABELS } from '../../shared/safety-thirst/tier.ts'
import { TRAFFIC_LIGHT_LABELS } from '../../shared/schemas/traffic-light.ts'
import { TIMELINE_KINDS, type TimelineEvent, type TimelineKind, type TimelineQuery } from '../../shared/schemas/timeline.ts'
import { VISIT_KIND_LABELS } from '../../shared/schemas/visits.ts'
import { visitsForTimeline } from './visits.repository.ts'
import { lightChanges } from './traffic-light.service.ts'
import { plural } from '../../shared/plural.ts'

interface Window { from?: string; to?: string; fromInstant: Date | null; toInstant: Date | null; tz: string }
type Contributor = { kinds: TimelineKind[]; events: (db: Db, premisesId: number, w: Window) => Promise<TimelineEvent[]> }

const iso = (d: Date | string) => new Date(d).toISOString()
const event = (at: Date | string, kind: TimelineKind, title: string, detail = '', link: string | null = null): TimelineEvent => ({ at: iso(at), kind, title, detail, link })
const words = (s: string) => s.replace(/_/g, ' ')

const contributors: Contributor[] = [
  {
    kinds: ['visit', 'finding'],
    async events (db, premisesId, w) {
      return (await visitsForTimeline(db, premisesId, w.fromInstant, w.toInstant)).flatMap(v => {
        const breaches = Number(v.breaches)
        const list = [event(v.startedAt, 'visit', `${VISIT_KIND_LABELS[v.kind]} (${words(v.status)})`, '', `/visits/${v.id}`)]
        if (breaches || v.findings.trim()) list.push(event(v.startedAt, 'finding', breaches ? `${breaches} item${breaches === 1 ? '' : 's'} not complied` : 'Findings recorded', v.findings.slice(0, 300), `/visits/${v.id}`))
        return list
      })
    }
  },
  {
    kinds: ['incident'],
    async events (db, premisesId, w) {
      return (await incidentsAttributedTo(db, premisesId, { from: w.from, to: w.to, limit: 500 }, w.tz))
        .map(i => event(i.occurredAt, 'incident', categoryLabel(i.category), [i.timePrecision === 'month' ? 'dated by month only' : '', i.description ?? i.locationText ?? ''].filter(Boolean).join(': '), `/incidents?premisesId=${premisesId}`))
    }
  },
  {
    kinds: ['flag'],
    async events (db, premisesId) {
      return (await flagEventsOfPremises(db, premisesId)).filter(e => e.kind !== 'notified')
        .map(e => event(e.at, 'flag', `Flag ${words(e.kind)}: ${e.crimeGroup}${e.level ? ` (${e.level})` : ''}`, [e.userName, e.note].filter(Boolean).join(': '), `/flags/${e.flagId}`))
    }
  },
  {
    kinds: ['traffic_light'],
    async events (db, premisesId) {
      return (await lightChanges(db, premisesId))
        .map(c => event(c.at, 'traffic_light', `Traffic light ${c.fromLight ? `${TRAFFIC_LIGHT_LABELS[c.fromLight]} to ` : ''}${TRAFFIC_LIGHT_LABELS[c.toLight]}`, plural(c.points, 'point'), `/premises/${premisesId}/traffic-light`))
    }
  },
  {
    kinds: ['plan'],
    async events (db, premisesId) {
      return (await planHistory(db, premisesId)).map(p => event(p.reviewedAt ?? p.submittedAt ?? p.createdAt, 'plan',
        `${p.kind === 'noise_management_plan' ? 'Noise management plan' : 'Dispersal policy'} version ${p.version}: ${words(p.status)}`, '', `/plans/premises/${premisesId}`))
    }
  },
  {
    kinds: ['safety_thirst'],
    async events (db, premisesId) {
      return (await premisesApplications(db, premisesId)).flatMap(a => [
        ...(a.submittedAt ? [event(a.submittedAt, 'safety_thirst', `Safety Thirst ${a.year}: self-assessment submitted`, '', `/safety-thirst/applications/${a.id}`)] : []),
        ...(a.decidedAt ? [event(a.decidedAt, 'safety_thirst', `Safety Thirst ${a.year}: ${a.tier === 'not_accredited' || !a.tier ? 'not accredited' : TIER_LABELS[a.tier]}`, a.validUntil ? `Valid until ${a.validUntil}` : '', `/safety-thirst/applications/${a.id}`)] : [])
      ])
    }
  },
  {
    kinds: ['licensing'],
    async events (db, premisesId) {
      return (await applicationHistory(db, premisesId)).flatMap(a => [
        event(a.createdAt, 'licensing', `Licence application (${words(a.kind)}) received`, '', `/licence-applications/${a.id}`),
        ...(a.decidedAt ? [event(a.decidedAt, 'licensing', `Licence application ${words(a.status)}`, a.decisionNote ?? '', `/licence-applications/${a.id}`)] : [])
      ])
    }
  }
]

export async function premisesTimeline (db: Db, premisesId: number, query: TimelineQuery, tz: string) {
  await requirePremises(db, premisesId)
  const kinds = new Set<TimelineKind>(query.kinds ? query.kinds.split(',') as TimelineKind[] : TIMELINE_KINDS)
  const w: Window = {
    from: query.from, to: query.to, tz,
    fromInstant: query.from ? localToUtc(query.from, tz) : null, toInstant: query.to ? localToUtc(addDays(query.to, 1), tz) : null
  }
  const items: TimelineEvent[] = []
  // Sequential: in embedded mode the database is one session.
  for (const c of contributors) if (c.kinds.some(k => kinds.has(k))) items.push(...await c.events(db, premisesId, w))
  const shown = items.filter(e => kinds.has(e.kind))
    .filter(e => (!w.fromInstant || e.at >= w.fromInstant.toISOString()) && (!w.toInstant || e.at < w.toInstant.toISOString()))
    .sort((a, b) => b.at.localeCompare(a.at))
  return { premisesId, items: shown, total: shown.length }
}
