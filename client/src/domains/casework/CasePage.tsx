// One licensing case: the application or review, every deadline from the statutory clock with
// its provision, the representations (other persons named only to officers), the hearing and
// the decision; and the forms each role may use at this stage.
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { hasRole, useSession } from '../../session.tsx'
import { HEARING_NOTICE_WORKING_DAYS } from '../../../../shared/clock/index.ts'
import { CASE_KIND_LABELS, DECISION_LABELS, IRRELEVANT_GROUND_LABELS, OBJECTIVE_LABELS, STAGE_LABELS } from '../../../../shared/casework/cases.ts'
import { casesApi, type LicensingCase, type Representation } from './casesApi.ts'
import { formatLocal } from './tensApi.ts'
import { HearingForm } from './HearingForm.tsx'
import { AssessForm, RepresentationForm, WithdrawRepresentationForm } from './RepresentationForms.tsx'
import { DecisionForm } from './DecisionForm.tsx'
import './casework.css'

const OFFICERS = ['licensing_officer', 'admin'] as const

export default function CasePage ({ id }: { id: string }) {
  const loaded = useLoad(signal => casesApi.get(Number(id), signal), [id])
  const { user } = useSession()
  const item = loaded.data
  usePageTitle(item ? `Case ${item.id}: ${item.premisesName}` : 'Licensing case')
  if (loaded.loading && !item) return <Loading />
  if (!item) return <section><h1>Licensing case</h1><ErrorMessage error={loaded.error} /></section>
  const mayHear = hasRole(user, OFFICERS) && item.hearingNeeded && (item.stage === 'awaiting_hearing' || item.stage === 'hearing_scheduled')
  return (
    <section class="narrow-form">
      <p class="muted">{CASE_KIND_LABELS[item.kind]} {item.id}</p>
      <h1>{item.title}</h1>
      <p><a href={`/premises/${item.premisesId}`}>{item.premisesName}</a>, {item.premisesAddress}</p>
      <p><span class={`pill ${item.stage === 'decided' ? 'green' : item.stage === 'awaiting_hearing' ? 'amber' : ''}`} data-testid="case-stage">{STAGE_LABELS[item.stage]}</span></p>
      <CaseSubject item={item} />
      <h2>Deadlines</h2>
      <dl class="deadlines" data-testid="case-deadlines">
        <dt>Given on</dt><dd>{formatLocal(item.givenOn)}</dd>
        {item.deadlines.map(d => <><dt key={d.key}>{d.label}</dt><dd>{formatLocal(d.date)} <span class="muted">({d.provision}){d.passed ? ', passed' : ''}</span></dd></>)}
      </dl>
      <h2>Representations</h2>
      <p class="muted">{item.counts.received} received: {item.counts.relevant} relevant, {item.counts.irrelevant} not relevant, {item.counts.unassessed} to assess{item.counts.withdrawn ? `; ${item.counts.withdrawn} withdrawn` : ''}{item.counts.awaitingConfirmation ? `; ${item.counts.awaitingConfirmation} waiting for email confirmation` : ''}.</p>
      {item.representations.length === 0
        ? <p class="muted">None.</p>
        : item.representations.map(r => <RepresentationCard key={r.id} rep={r} onDone={loaded.reload} />)}
      <RepresentationForm item={item} onDone={loaded.reload} />
      {item.hearing && <p class="notice" data-testid="case-hearing">Hearing on {formatLocal(item.hearing.date)} at {item.hearing.time}, {item.hearing.place} (notice given {formatLocal(item.hearing.noticeGivenOn)}).</p>}
      {mayHear && <HearingForm window={item.hearingWindow} noticeWorkingDays={HEARING_NOTICE_WORKING_DAYS} current={item.hearing}
        onSubmit={async body => { await casesApi.hearing(item.id, body); await loaded.reload() }} />}
      <DecisionForm item={item} onDone={loaded.reload} />
      {item.decision && <DecisionSummary decision={item.decision} />}
    </section>
  )
}

function CaseSubject ({ item }: { item: LicensingCase }) {
  if (item.application) {
    return (
      <div>
        <p>Applicant: {item.application.applicantName}</p>
        <ul>{item.application.activities.map(a => <li key={a.activity}>{a.activity}: {a.hours}</li>)}</ul>
        <p><a href={`/premises/${item.premisesId}/plans`}>The noise management plan and dispersal policy</a></p>
      </div>
    )
  }
  if (item.review) {
    return (
      <div>
        <p>Brought by {item.review.broughtBy} on {item.review.objectives.map(o => OBJECTIVE_LABELS[o] ?? o).join('; ')}.</p>
        <p>{item.review.grounds}</p>
      </div>
    )
  }
  return null
}

function RepresentationCard ({ rep, onDone }: { rep: Representation; onDone: () => Promise<void> }) {
  const relevance = rep.status === 'withdrawn'
    ? `Withdrawn: ${rep.withdrawalNote ?? ''}`
    : rep.status === 'awaiting_confirmation'
      ? 'Waiting for its maker to confirm their email address'
      : rep.relevance === 'relevant' ? `Relevant: ${rep.assessmentReason}` : rep.relevance === 'irrelevant' ? `Not relevant (${IRRELEVANT_GROUND_LABELS[rep.irrelevantGround ?? ''] ?? ''}): ${rep.assessmentReason}` : 'Not yet assessed'
  return (
    <article class="card" data-testid="representation" aria-label={`Representation from ${rep.label}`}>
      <h3>{rep.label} <span class="muted">({formatLocal(rep.madeOn)})</span></h3>
      {rep.person && <p class="muted">{rep.person.name}, {rep.person.address}{rep.person.email ? `, ${rep.person.email}` : ''}{rep.person.confirmed ? '' : ' (email not confirmed)'}</p>}
      <p>{rep.objectives.map(o => OBJECTIVE_LABELS[o] ?? o).join('; ')}</p>
      <p>{rep.text}</p>
      <p data-testid="representation-relevance"><strong>{relevance}</strong></p>
      <AssessForm rep={rep} onDone={onDone} />
      <WithdrawRepresentationForm rep={rep} onDone={onDone} />
    </article>
  )
}

function DecisionSummary ({ decision }: { decision: NonNullable<LicensingCase['decision']> }) {
  return (
    <div class="card" data-testid="case-decision">
      <h2>Decision: {DECISION_LABELS[decision.outcome]}</h2>
      <p>Decided on {formatLocal(decision.decidedOn)}; appeal to the magistrates' court by {formatLocal(decision.appealDeadline)}.</p>
      <p>{decision.reasons}</p>
      {decision.addedConditions.length > 0 && <><h3>Conditions added under Annex 3</h3><ol>{decision.addedConditions.map(c => <li key={c}>{c}</li>)}</ol></>}
      {decision.excludedActivities.length > 0 && <p>Excluded: {decision.excludedActivities.join('; ')}</p>}
      {decision.suspendedUntil && <p>Suspended until {formatLocal(decision.suspendedUntil)}.</p>}
    </div>
  )
}
