// One application: the venue's self-assessment (draft), the officer's assessment with the venue's
// answers beside it, moderation, the decision with reasons and action plan, and the certificate.
import { useEffect, useState } from 'preact/hooks'
import { ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { TIER_LABELS } from '../../../../shared/safety-thirst/tier.ts'
import { ANSWER_LABELS, LEVEL_LABELS, stApi, type Application } from './stApi.ts'
import { SelfAssessment } from './SelfAssessment.tsx'
import { AssessmentForm, ModerationForm } from './Assessment.tsx'
import { VenueContext } from './VenueContext.tsx'
import { StatusPill } from './DashboardPage.tsx'
import './st.css'

function Decision ({ application, onChange }: { application: Application; onChange: (a: Application) => void }) {
  const [error, setError] = useState<unknown>(null)
  const d = application.decision
  async function decide () {
    setError(null)
    try {
      await stApi.decide(application.id)
      onChange(await stApi.get(application.id))
    } catch (e) { setError(e) }
  }
  if (!d) {
    if (!application.allowedActions.includes('decide')) return null
    return (
      <section class="card" aria-labelledby="st-decide">
        <h2 id="st-decide">Decision</h2>
        <p>The tier is computed from the results by the rules of criteria set {application.criteriaSet.version}; partly counts as not met.</p>
        <ErrorMessage error={error} />
        <button type="button" onClick={decide}>Record the decision</button>
      </section>
    )
  }
  return (
    <section class="card" aria-labelledby="st-decision">
      <h2 id="st-decision">Decision: <span data-testid="st-tier">{TIER_LABELS[d.tier]}</span></h2>
      <p>Decided {formatDate(d.decidedAt)}{d.decidedByName ? ` by ${d.decidedByName}` : ''}. {d.tier !== 'not_accredited' && <>Valid until {formatDate(d.validUntil)}. Certificate {d.certificateNumber}.</>}</p>
      <ul class="st-reasons">{d.reasons.explanation.map(r => <li key={r}>{r}</li>)}</ul>
      {application.allowedActions.includes('certificate') && (
        <p class="no-print">
          <a href={stApi.certificateUrl(application.id)} target="_blank" rel="noopener">Open the printable certificate</a>
          {' · '}<a href={stApi.certificateUrl(application.id, true)} target="_blank" rel="noopener">PDF</a>
        </p>
      )}
      {d.actionPlan.length > 0 && (
        <>
          <h3>Action plan</h3>
          <ol>
            {d.actionPlan.map(item => (
              <li key={item.criterionCode}><strong>{item.criterionCode}</strong> ({LEVEL_LABELS[item.level]}, {item.priority}): {item.action}{item.note && <span class="muted"> Officer's note: {item.note}</span>}</li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function AnswersReadOnly ({ application }: { application: Application }) {
  const answers = Object.fromEntries(application.answers.map(a => [a.criterionCode, a]))
  return (
    <details>
      <summary>Your self-assessment answers ({application.answers.length})</summary>
      <ul>{application.criteriaSet.criteria.map(c => <li key={c.code}><strong>{c.code}</strong> {answers[c.code] ? ANSWER_LABELS[answers[c.code].answer] : '—'}{answers[c.code]?.evidence ? `: ${answers[c.code].evidence}` : ''}</li>)}</ul>
    </details>
  )
}

export default function ApplicationPage ({ id }: { id: string }) {
  const { user } = useSession()
  const loaded = useLoad(signal => stApi.get(Number(id), signal), [id])
  const [application, setApplication] = useState<Application | undefined>()
  const [error, setError] = useState<unknown>(null)
  useEffect(() => { if (loaded.data) setApplication(loaded.data) }, [loaded.data])
  if (loaded.loading && !application) return <Loading />
  if (!application) return <ErrorMessage error={loaded.error} />
  const a = application
  const officerView = user?.role !== 'venue_manager'
  const withdraw = async () => {
    if (!confirm('Withdraw this application? This cannot be undone.')) return
    try { setApplication(await stApi.withdraw(a.id, '')) } catch (e) { setError(e) }
  }
  return (
    <section>
      <p class="no-print"><a href="/safety-thirst">← Safety Thirst</a></p>
      <div class="page-head">
        <h1>{a.premisesName}: Safety Thirst {a.year}</h1>
        <StatusPill status={a.status} tier={a.tier} />
      </div>
      <p class="muted">Criteria set {a.criteriaVersion} · {a.answered} of {a.criteriaCount} answered{a.submittedAt ? ` · submitted ${formatDate(a.submittedAt)}` : ''}</p>
      {a.withdrawal && <p class="warning">Withdrawn {formatDate(a.withdrawal.at)} (was {a.withdrawal.from}).</p>}
      <ErrorMessage error={error} />
      {a.status === 'draft' && a.allowedActions.includes('self_assess') && <SelfAssessment application={a} onChange={setApplication} />}
      {a.status !== 'draft' && !officerView && <AnswersReadOnly application={a} />}
      {officerView && a.status !== 'draft' && <VenueContext premisesId={a.premisesId} />}
      {officerView && a.status !== 'draft' && a.status !== 'withdrawn' && <AssessmentForm key={a.id} application={a} onChange={setApplication} />}
      {a.moderation && <p class="card">Moderated by {a.moderation.moderatedByName ?? 'an officer'} on {formatDate(a.moderation.moderatedAt)}: {a.moderation.confirmed ? 'results confirmed' : 'results changed'}{a.moderation.note ? ` — ${a.moderation.note}` : ''}.</p>}
      {a.allowedActions.includes('moderate') && <ModerationForm application={a} onChange={setApplication} />}
      <Decision application={a} onChange={setApplication} />
      {a.allowedActions.includes('withdraw') && <p class="no-print"><button type="button" class="secondary" onClick={withdraw}>Withdraw application</button></p>}
    </section>
  )
}
