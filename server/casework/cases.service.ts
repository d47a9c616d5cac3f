// Reading licensing cases: one with everything a case page shows, and lists for the casework
// queue. Who may read: officers, the police and the other responsible authorities (all cases),
// a venue manager its own premises' cases (without other persons' personal details, which only
// officers see).
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { assertPremisesAccess, premisesScope } from '../auth/access.ts'
import { applicationsForCases, type ApplicationForCase } from '../plans/plans.public.ts'
import { ORGANISATION_LABELS, type Organisation } from '../../shared/roles.ts'
import { CASE_STAGES, type CaseListQuery, type LicensingCase } from '../../shared/schemas/cases.ts'
import { CaseNotFound } from './casework.errors.ts'
import * as repo from './cases.repository.ts'
import { scheduledHearings } from './hearings.repository.ts'
import { decisionsOf, representationsOf } from './representations.repository.ts'
import { caseHearingWindow, caseTitle, deadlinesOf, decisionView, hearingNeeded, representationsView, stageOf, tally, type CaseParts } from './cases.view.ts'

export const isOfficer = (user: CurrentUser) => user.role === 'licensing_officer' || user.role === 'admin'

interface Loaded { rows: repo.CaseRow[]; reps: Awaited<ReturnType<typeof representationsOf>>; hearings: Awaited<ReturnType<typeof scheduledHearings>>; decisions: Awaited<ReturnType<typeof decisionsOf>>; applications: Map<number, ApplicationForCase> }

async function loadAround (db: Db, rows: repo.CaseRow[]): Promise<Loaded> {
  const ids = rows.map(r => r.id)
  const [reps, hearings, decisions, applications] = await Promise.all([
    representationsOf(db, ids), scheduledHearings(db, 'caseId', ids), decisionsOf(db, ids),
    applicationsForCases(db, rows.flatMap(r => r.licenceApplicationId === null ? [] : [r.licenceApplicationId]))
  ])
  return { rows, reps, hearings, decisions, applications }
}

export function partsOf (loaded: Loaded, row: repo.CaseRow): CaseParts {
  return { row, representations: loaded.reps.filter(r => r.caseId === row.id), hearing: loaded.hearings.get(row.id), decision: loaded.decisions.get(row.id) }
}

async function toCase (db: Db, user: CurrentUser, loaded: Loaded, row: repo.CaseRow, today: string, withPersons: boolean): Promise<LicensingCase> {
  const parts = partsOf(loaded, row)
  const application = row.licenceApplicationId === null ? undefined : loaded.applications.get(row.licenceApplicationId)
  const officer = isOfficer(user)
  const personIds = parts.representations.flatMap(r => r.personId === null ? [] : [r.personId])
  const persons = officer && withPersons ? await repo.personsOf(db, personIds) : undefined
  const decision = decisionView(parts.decision)
  return {
    id: row.id,
    kind: row.kind,
    title: caseTitle(row, application),
    premisesId: row.premisesId,
    premisesName: row.premisesName,
    premisesAddress: [row.premisesAddress, row.premisesPostcode].filter(Boolean).join(', '),
    licenceApplicationId: row.licenceApplicationId,
    application: application
      ? { kind: application.kind, applicantName: application.applicantName, status: application.status, activities: application.activities, noisePlan: application.noisePlan, dispersalPolicy: application.dispersalPolicy }
      : null,
    review: row.kind === 'review'
      ? {
          broughtBy: row.broughtByParty === 'responsible_authority' ? ORGANISATION_LABELS[row.broughtByOrganisation as Organisation] ?? 'Responsible authority' : 'An other person',
          party: row.broughtByParty!, organisation: row.broughtByOrganisation, objectives: row.objectives ?? [], grounds: row.grounds ?? '',
          promptedBy: row.promptedBy, promptRef: row.promptRef
        }
      : null,
    status: row.status,
    stage: stageOf(parts, today),
    givenOn: row.givenOn,
    representationPeriod: { from: row.givenOn, to: row.representationPeriodEnds },
    representationsOpen: (row.status === 'open') && today <= row.representationPeriodEnds,
    hearingNeeded: hearingNeeded(parts),
    hearingWindow: caseHearingWindow(row),
    hearing: parts.hearing ? { id: parts.hearing.id, date: parts.hearing.hearingOn, time: parts.hearing.startsAt, place: parts.hearing.place, noticeGivenOn: parts.hearing.noticeGivenOn, held: parts.hearing.hearingOn <= today } : null,
    decision,
    appealDeadline: decision?.appealDeadline ?? null,
    deadlines: deadlinesOf(parts, today),
    counts: tally(parts.representations),
    representations: representationsView(parts.representations, { officer, persons })
  }
}

export async function getCase (db: Db, user: CurrentUser, id: number, today: string): Promise<LicensingCase> {
  const row = await repo.findCase(db, id)
  if (!row) throw new CaseNotFound(String(id))
  assertPremisesAccess(user, row.premisesId)
  return toCase(db, user, await loadAround(db, [row]), row, today, true)
}

/** The case of a licence application (every application has one from submission). */
export async function getCaseOfApplication (db: Db, user: CurrentUser, applicationId: number, today: string): Promise<LicensingCase | undefined> {
  const row = await repo.findCaseOfApplication(db, applicationId)
  if (!row) return undefined
  assertPremisesAccess(user, row.premisesId)
  return toCase(db, user, await loadAround(db, [row]), row, today, true)
}

const OPEN_STAGES = CASE_STAGES.filter(s => s !== 'decided' && s !== 'withdrawn')

/** The casework queue: by stage (worked out per case, so a stage filter reads the open cases and pages them here). */
export async function listCases (db: Db, user: CurrentUser, query: CaseListQuery, today: string) {
  if (query.premisesId) assertPremisesAccess(user, query.premisesId)
  const scope = { premisesIds: premisesScope(user), premisesId: query.premisesId, kind: query.kind }
  const open = query.stage === undefined ? undefined : (OPEN_STAGES as readonly string[]).includes(query.stage)
  const rows = await repo.listCases(db, { ...scope, open, limit: query.stage ? 5000 : query.limit, offset: query.stage ? 0 : query.offset })
  const loaded = await loadAround(db, rows)
  let items = await Promise.all(rows.map(row => toCase(db, user, loaded, row, today, false)))
  let total = items.length
  if (query.stage) {
    items = items.filter(c => c.stage === query.stage)
    total = items.length
    items = items.slice(query.offset, query.offset + query.limit)
  } else {
    total = await repo.countCases(db, scope)
  }
  return { items, total }
}
