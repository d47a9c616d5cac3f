// The officer's review of a submitted plan version: approve with a review date (a year ahead
// by default), or return it to the venue with comments on the sections that need changes.
import { useState } from 'preact/hooks'
import { ErrorMessage } from '../../components/ui.tsx'
import { PLAN_KIND_LABELS, PLAN_TEMPLATES } from '../../../../shared/plans/templates.ts'
import { addYears } from '../../../../shared/dates.ts'
import { localToday } from '../../settings.ts'
import { plansApi, type PlanDocument } from './plansApi.ts'

export function PlanReview ({ doc, onDone }: { doc: PlanDocument; onDone: () => void }) {
  const [mode, setMode] = useState<'choose' | 'return'>('choose')
  const [reviewDue, setReviewDue] = useState(addYears(localToday(), 1))
  const [comments, setComments] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const label = PLAN_KIND_LABELS[doc.kind]
  const prefix = `review-${doc.kind}-`

  async function run (action: () => Promise<unknown>) {
    setBusy(true)
    setError(null)
    try { await action(); onDone() } catch (err) { setError(err) } finally { setBusy(false) }
  }

  if (mode === 'return') {
    return (
      <form class="card" aria-label={`Return ${label.toLowerCase()}`} onSubmit={e => { e.preventDefault(); void run(() => plansApi.return(doc.premisesId, doc.kind, { version: doc.version, comments })) }}>
        <h4>Return version {doc.version} with comments</h4>
        <p class="hint">Comment on the sections that need changes; leave the others empty.</p>
        {[...PLAN_TEMPLATES[doc.kind].sections, { key: 'general', title: 'General comment' }].map(section => (
          <div class="field" key={section.key}>
            <label for={prefix + section.key}>Comment on {section.title}</label>
            <textarea id={prefix + section.key} rows={2} value={comments[section.key] ?? ''} onInput={e => setComments({ ...comments, [section.key]: (e.target as HTMLTextAreaElement).value })} />
          </div>
        ))}
        <ErrorMessage error={error} />
        <div class="plan-actions">
          <button type="submit" class="danger" disabled={busy}>Return to the venue</button>
          <button type="button" class="link" onClick={() => setMode('choose')}>Cancel</button>
        </div>
      </form>
    )
  }
  return (
    <div class="card" role="group" aria-label={`Review ${label.toLowerCase()}`}>
      <h4>Review version {doc.version}</h4>
      <div class="field">
        <label for={prefix + 'due'}>Next review due</label>
        <input id={prefix + 'due'} type="date" value={reviewDue} onInput={e => setReviewDue((e.target as HTMLInputElement).value)} />
      </div>
      <ErrorMessage error={error} />
      <div class="plan-actions">
        <button type="button" disabled={busy} onClick={() => void run(() => plansApi.approve(doc.premisesId, doc.kind, { version: doc.version, reviewDue }))}>Approve {label.toLowerCase()}</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => setMode('return')}>Return {label.toLowerCase()} with comments</button>
      </div>
    </div>
  )
}
