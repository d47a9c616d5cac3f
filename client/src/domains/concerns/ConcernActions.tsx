// What an officer does with a concern: attach it to a venue (a suggested one, or any premises),
// write an update (emailed to the reporter) or a note, merge a duplicate, refuse an abusive one.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { useLoad } from '../../components/ui.tsx'
import { ErrorSummary, Field, Form } from '../../components/form.tsx'
import { CLOSE_REASONS, CLOSE_REASON_LABELS, CONCERN_STATUS_LABELS, OFFICER_STATUSES, type CloseReason } from '../../../../shared/schemas/concerns.ts'
import { concernsApi, type ConcernDetail } from './concernsApi.ts'

interface ActionProps { concern: ConcernDetail; onDone: (message: string) => Promise<void> }

export function TriageForm ({ concern, onDone }: ActionProps) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<{ id: number; name: string; address: string }[]>([])
  const [error, setError] = useState<unknown>(null)
  const attach = async (premisesId: number | null, name: string) => {
    setError(null)
    try { await concernsApi.triage(concern.id, { premisesId }); await onDone(premisesId ? `Attached to ${name}.` : 'Not attached to any venue.') } catch (e) { setError(e) }
  }
  const search = async (event: Event) => {
    event.preventDefault()
    if (q.trim()) setFound((await api('/api/premises', { query: { q: q.trim(), limit: 10 } })).items)
  }
  return (
    <section class="card" aria-labelledby="triage-title">
      <h2 id="triage-title">Which venue is it about?</h2>
      <ErrorSummary error={error} />
      <p>{concern.premisesName ? <>Attached to <strong>{concern.premisesName}</strong>.</> : 'Not attached to a venue yet.'}</p>
      {concern.suggestions.length > 0 && (
        <>
          <h3>Suggested from the pin and the time</h3>
          <ul class="choice-list">
            {concern.suggestions.map(s => (
              <li key={s.premisesId}>
                <button type="button" class={s.trading ? '' : 'secondary'} onClick={() => attach(s.premisesId, s.name)} disabled={s.premisesId === concern.premisesId}>
                  Attach to {s.name}<small>{s.reason}</small>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="search-row" onSubmit={search} role="search">
        <label for="premises-search" class="visually-hidden">Find another premises</label>
        <input id="premises-search" type="search" placeholder="Find another premises" value={q} onInput={e => setQ(e.currentTarget.value)} />
        <button type="submit" class="secondary">Find</button>
      </form>
      {found.length > 0 && (
        <ul class="choice-list">{found.map(p => <li key={p.id}><button type="button" class="secondary" onClick={() => attach(p.id, p.name)}>Attach to {p.name}<small>{p.address}</small></button></li>)}</ul>
      )}
      {concern.premisesId && <p><button type="button" class="link" onClick={() => attach(null, '')}>It is not about a venue</button></p>}
    </section>
  )
}

export function UpdateForm ({ concern, onDone }: ActionProps) {
  const [form, setForm] = useState({ status: '', closeReason: '', substantiated: concern.substantiated === null ? '' : String(concern.substantiated), publicText: '', internalNote: '' })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  async function submit () {
    setError(null)
    const body: Record<string, unknown> = {}
    if (form.status) body.status = form.status
    if (form.status === 'closed' && form.closeReason) body.closeReason = form.closeReason
    const substantiated = form.substantiated === '' ? null : form.substantiated === 'true'
    if (substantiated !== concern.substantiated) body.substantiated = substantiated
    if (form.publicText.trim()) body.publicText = form.publicText
    if (form.internalNote.trim()) body.internalNote = form.internalNote
    if (!Object.keys(body).length) { setError([{ field: 'publicText', message: 'Write an update, a note, or change the status' }]); return }
    setBusy(true)
    try {
      await concernsApi.update(concern.id, body)
      setForm({ ...form, status: '', closeReason: '', publicText: '', internalNote: '' })
      await onDone(body.publicText ? 'Update saved and emailed to the reporter.' : 'Update saved.')
    } catch (e) { setError(e) } finally { setBusy(false) }
  }
  return (
    <section class="card" aria-labelledby="update-title">
      <h2 id="update-title">Update the case</h2>
      <Form onSubmit={submit} error={error} dirty={Boolean(form.publicText.trim() || form.internalNote.trim())} fieldIds={{ closeReason: 'close-reason', publicText: 'public-text', internalNote: 'internal-note' }}>
        <Field id="status" label="Status" error={error}>
          <select id="status" value={form.status} onChange={e => setForm({ ...form, status: e.currentTarget.value })}>
            <option value="">Keep: {CONCERN_STATUS_LABELS[concern.status]}</option>
            {OFFICER_STATUSES.filter(s => s !== concern.status).map(s => <option key={s} value={s}>{CONCERN_STATUS_LABELS[s]}</option>)}
          </select>
        </Field>
        {form.status === 'closed' && (
          <Field id="close-reason" label="Why is it closed?" error={Array.isArray(error) ? error : error}>
            <select id="close-reason" value={form.closeReason} onChange={e => setForm({ ...form, closeReason: e.currentTarget.value })}>
              <option value="">Choose a reason</option>
              {CLOSE_REASONS.filter(r => r !== 'duplicate' && r !== 'abusive').map(r => <option key={r} value={r}>{CLOSE_REASON_LABELS[r as CloseReason]}</option>)}
            </select>
          </Field>
        )}
        <Field id="substantiated" label="Substantiated?" hint="Substantiated concerns about a venue count towards a review of its plan" error={error}>
          <select id="substantiated" value={form.substantiated} onChange={e => setForm({ ...form, substantiated: e.currentTarget.value })}>
            <option value="">Not assessed yet</option>
            <option value="true">Yes: it happened and came from the venue</option>
            <option value="false">No</option>
          </select>
        </Field>
        <Field id="public-text" label="Message to the reporter (emailed, shown on their case page)" error={error}>
          <textarea id="public-text" rows={4} maxLength={5000} value={form.publicText} onInput={e => setForm({ ...form, publicText: e.currentTarget.value })} />
        </Field>
        <Field id="internal-note" label="Note for officers only" error={error}>
          <textarea id="internal-note" rows={3} maxLength={5000} value={form.internalNote} onInput={e => setForm({ ...form, internalNote: e.currentTarget.value })} />
        </Field>
        <div><button type="submit" disabled={busy}>Save update</button></div>
      </Form>
    </section>
  )
}

export function MergeForm ({ concern, onDone }: ActionProps) {
  const others = useLoad(signal => concernsApi.list({ status: 'open', limit: 200 }, signal), [concern.id])
  const [intoId, setIntoId] = useState('')
  const [error, setError] = useState<unknown>(null)
  const choices = (others.data?.items ?? []).filter(c => c.id !== concern.id && !c.duplicateOf)
  async function submit () {
    if (!intoId) { setError([{ field: 'intoId', message: 'Choose the case this report repeats' }]); return }
    try { await concernsApi.merge(concern.id, Number(intoId)); await onDone('Merged. The reporter has been told which case it joined.') } catch (e) { setError(e) }
  }
  return (
    <section class="card" aria-labelledby="merge-title">
      <h2 id="merge-title">A duplicate of another case?</h2>
      <Form onSubmit={submit} error={error} fieldIds={{ intoId: 'merge-into' }}>
        <Field id="merge-into" label="Join this report into" error={Array.isArray(error) ? error.map(p => ({ ...p, field: 'merge-into' })) : error}>
          <select id="merge-into" value={intoId} onChange={e => setIntoId(e.currentTarget.value)}>
            <option value="">Choose an open case</option>
            {choices.map(c => <option key={c.id} value={c.id}>{c.reference}: {c.premisesName ?? 'no venue'}</option>)}
          </select>
        </Field>
        <div><button type="submit" class="secondary">Merge into that case</button></div>
      </Form>
    </section>
  )
}

export function AbusiveForm ({ concern, onDone }: ActionProps) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  async function submit () {
    if (!note.trim()) { setError([{ field: 'note', message: 'Say why the report is abusive or false (for the record; the reporter is not told)' }]); return }
    try { await concernsApi.abusive(concern.id, note); await onDone('Marked as abusive. It no longer counts and the reporter was not written to.') } catch (e) { setError(e) }
  }
  return (
    <details class="card">
      <summary>Abusive or false report</summary>
      <Form onSubmit={submit} error={error} dirty={Boolean(note.trim())} fieldIds={{ note: 'abusive-note' }}>
        <Field id="abusive-note" label="Why (officers only)" error={Array.isArray(error) ? error.map(p => ({ ...p, field: 'abusive-note' })) : error}>
          <textarea id="abusive-note" rows={2} maxLength={2000} value={note} onInput={e => setNote(e.currentTarget.value)} />
        </Field>
        <div><button type="submit" class="danger">Mark as abusive</button></div>
      </Form>
    </details>
  )
}
