// The City's traffic-light scheme as a record: each premises' points with their reasons (every
// relevant incident by the incidents domain's attribution rule, every breach found on a completed
// visit, every credit for a remedy) over the settings' window, the light from the administrator's
// thresholds, and the stored current light with its history. refreshTrafficLights runs inside the
// transaction of whatever changed the points (an incident attributed, a visit, a credit, the
// settings) and notifies officers and police when a venue turns amber or red.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import type { Clock } from '../clock.ts'
import { assertPremisesAccess, premisesScope } from '../auth/access.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { notify } from '../notifications/notifications.public.ts'
import { attributedIncidentsOf } from '../incidents/incidents.public.ts'
import { crimeGroups } from '../flags/flags.public.ts'
import { mappedCurrentPremises, requirePremises } from '../premises/premises.public.ts'
import { fieldError } from '../errors.ts'
import { addDays, localDate, localToUtc } from '../../shared/dates.ts'
import { categoryLabel } from '../../shared/incident-categories.ts'
import { lightFor, TRAFFIC_LIGHT_LABELS, type TrafficLight, type TrafficLightColour, type TrafficLightReason, type TrafficLightSettings } from '../../shared/schemas/traffic-light.ts'
import { VISIT_KIND_LABELS } from '../../shared/schemas/visits.ts'
import * as repo from './traffic-light.repository.ts'
import { breachesBetween } from './visits.repository.ts'
import { plural } from '../../shared/plural.ts'

const RANK: Record<TrafficLightColour, number> = { green: 0, amber: 1, red: 2 }

export async function getSettings (db: Db) {
  const [settings, groups] = await Promise.all([repo.findSettings(db), crimeGroups(db)])
  return { ...settings, groups: Object.keys(groups) }
}

/** The points of one premises on `asOf` (a local date), with every reason, newest first. */
export async function computeLight (db: Db, premisesId: number, asOf: string, tz: string) {
  const settings = await repo.findSettings(db)
  const groups = await crimeGroups(db)
  const from = addDays(asOf, -settings.windowDays)
  const to = addDays(asOf, 1)
  const groupOf = new Map(Object.entries(groups).flatMap(([group, categories]) => categories.map(c => [c, group] as const)))
  const incidents = await attributedIncidentsOf(db, { premisesId, categories: [...groupOf.keys()], from, to, tz })
  const breaches = await breachesBetween(db, premisesId, localToUtc(from, tz), localToUtc(to, tz))
  const credits = await repo.creditsBetween(db, premisesId, from, to)
  const none = { incidentId: null, visitId: null, creditId: null, link: null }
  const reasons: TrafficLightReason[] = [
    ...incidents.map(i => ({
      ...none, kind: 'incident' as const, points: settings.penaltyPoints[groupOf.get(i.category)!] ?? 1,
      at: i.timePrecision === 'month' ? localDate(i.occurredAt, tz).slice(0, 7) + '-01' : localDate(i.occurredAt, tz),
      title: `${categoryLabel(i.category)} (${groupOf.get(i.category)})`,
      detail: `${i.attribution === 'linked' ? 'Recorded at the venue' : 'Near the venue and no other'}${i.timePrecision === 'month' ? ', dated by month only' : ''}${i.locationText ? `: ${i.locationText}` : ''}`,
      incidentId: i.id, link: `/incidents?premisesId=${premisesId}`
    })),
    ...breaches.map(b => ({
      ...none, kind: 'breach' as const, points: settings.breachPoints, at: localDate(b.startedAt, tz),
      title: `Not complied: ${b.label}`, detail: `Found on a ${VISIT_KIND_LABELS[b.kind].toLowerCase()}${b.note ? `: ${b.note}` : ''}`,
      visitId: b.visitId, link: `/visits/${b.visitId}`
    })),
    ...credits.map(c => ({ ...none, kind: 'credit' as const, points: -settings.creditPoints, at: c.recordedOn, title: 'Credit for a remedy', detail: c.note, creditId: c.id }))
  ].sort((a, b) => b.at.localeCompare(a.at))
  const penalty = reasons.filter(r => r.points > 0).reduce((s, r) => s + r.points, 0)
  const credit = -reasons.filter(r => r.points < 0).reduce((s, r) => s + r.points, 0)
  const points = Math.max(0, penalty - credit)
  return { light: lightFor(points, settings), points, penalty, credit, reasons, from, to: asOf, settings }
}

function earnsCredit (settings: TrafficLightSettings): string {
  return `Each remedy an officer records earns ${plural(settings.creditPoints, 'credit point')} for ${plural(settings.windowDays, 'day')}: for example extra door supervisors, ` +
    'a dispersal policy put into practice, staff training on drink spiking and vulnerability, better CCTV, or a condition complied with on a follow-up visit. ' +
    'Penalty points also fall away as incidents and breaches pass out of the window.'
}

/** GET /api/premises/:id/traffic-light: the light, its reasons and history (a manager: its own premises). */
export async function trafficLightFor (db: Db, user: CurrentUser, premisesId: number, asOf: string, tz: string): Promise<TrafficLight> {
  assertPremisesAccess(user, premisesId)
  const premises = await requirePremises(db, premisesId)
  const result = await computeLight(db, premisesId, asOf, tz)
  const [state, history, groups] = await Promise.all([repo.findState(db, premisesId), repo.changesOf(db, premisesId), crimeGroups(db)])
  return {
    premisesId, premisesName: premises.name, ...result, amberAt: result.settings.amberAt, redAt: result.settings.redAt,
    since: state && state.light === result.light ? state.since.toISOString() : null,
    history: history.map(h => ({ ...h, at: h.at.toISOString() })),
    earnsCredit: earnsCredit(result.settings),
    settings: { ...result.settings, groups: Object.keys(groups) }
  }
}

/**
 * Recomputes the stored light of these premises as of today and records a change when the light
 * moved; officers and police are told when a venue turns amber or red. Called inside the
 * transaction that changed the points, so the light and its cause commit together.
 */
export async function refreshTrafficLights (db: Db, premisesIds: number[], clock: Clock): Promise<{ changed: number }> {
  let changed = 0
  for (const premisesId of [...new Set(premisesIds)].sort((a, b) => a - b)) {
    const { light, points } = await computeLight(db, premisesId, clock.today(), clock.tz)
    const state = await repo.findState(db, premisesId, true)
    const previous = state?.light ?? 'green'
    const moved = state ? state.light !== light : light !== 'green'
    await repo.saveState(db, premisesId, light, points, moved || !state)
    if (!moved) continue
    changed += 1
    await repo.insertChange(db, { premisesId, fromLight: state?.light ?? null, toLight: light, points })
    if (RANK[light] > RANK[previous]) {
      const premises = await requirePremises(db, premisesId)
      const title = `${premises.name} is now ${TRAFFIC_LIGHT_LABELS[light].toUpperCase()} on the traffic-light scheme (${plural(points, 'point')})`
      const body = light === 'red' ? 'The licence is open to review: start a review from the traffic-light page.' : 'Officers work with the venue: see the reasons and agree remedies.'
      const link = `/premises/${premisesId}/traffic-light`
      const key = `traffic-light-${premisesId}-${light}-${clock.now().toISOString()}`
      await notify(db, [
        { role: 'licensing_officer', premisesId, kind: 'traffic_light_changed', title, body, link, dedupeKey: `${key}-officers` },
        { role: 'police', premisesId, kind: 'traffic_light_changed', title, body, link, dedupeKey: `${key}-police` }
      ])
    }
  }
  return { changed }
}

/** Every current mapped venue and every venue with a stored light (the scheduled job: points fall out of the window with time). */
export async function refreshAll (db: Kysely<Database>, clock: Clock) {
  const ids = [...(await mappedCurrentPremises(db)).map(p => p.id), ...(await repo.listStates(db)).map(s => s.premisesId)]
  return db.transaction().execute(async trx => ({ premises: new Set(ids).size, ...(await refreshTrafficLights(trx, ids, clock)) }))
}

export function recordCredit (db: Kysely<Database>, user: CurrentUser, premisesId: number, input: { note: string; recordedOn?: string }, clock: Clock) {
  const recordedOn = input.recordedOn ?? clock.today()
  if (recordedOn > clock.today()) throw fieldError('recordedOn', 'A remedy is recorded once it is in place: enter today or an earlier date')
  return db.transaction().execute(async trx => {
    await requirePremises(trx, premisesId)
    const credit = await repo.insertCredit(trx, { premisesId, recordedOn, note: input.note.trim(), userId: user.id })
    await recordAudit(trx, { userId: user.id, action: 'traffic_light.credit', entity: 'premises', entityId: premisesId, after: credit })
    await refreshTrafficLights(trx, [premisesId], clock)
    return { ...credit, createdAt: credit.createdAt.toISOString() }
  })
}

export async function updateSettings (db: Kysely<Database>, user: CurrentUser, settings: TrafficLightSettings, clock: Clock) {
  if (settings.redAt <= settings.amberAt) throw fieldError('redAt', 'Set red above amber: the red threshold must be more points than the amber one')
  const known = Object.keys(await crimeGroups(db))
  for (const group of Object.keys(settings.penaltyPoints)) {
    if (!known.includes(group)) throw fieldError(`penaltyPoints.${group}`, `"${group}" is not a crime group in force; use ${known.join(' or ')}`)
  }
  await db.transaction().execute(async trx => {
    const before = await repo.findSettings(trx)
    await repo.saveSettings(trx, settings, user.id)
    await recordAudit(trx, { userId: user.id, action: 'traffic_light.settings', entity: 'traffic_light_settings', entityId: 1, before, after: settings })
    const ids = [...(await mappedCurrentPremises(trx)).map(p => p.id), ...(await repo.listStates(trx)).map(s => s.premisesId)]
    await refreshTrafficLights(trx, ids, clock)
  })
  return getSettings(db)
}

/** The stored lights for the map and lists (a venue manager: its own premises). */
export async function listLights (db: Db, user: CurrentUser) {
  const items = (await repo.listStates(db, premisesScope(user))).map(s => ({ ...s, since: s.since.toISOString() }))
  return { items, total: items.length }
}

/** Light changes of a premises for its timeline. */
export function lightChanges (db: Db, premisesId: number) {
  return repo.changesOf(db, premisesId, 500)
}
