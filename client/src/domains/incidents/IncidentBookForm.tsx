// The venue manager's incident book: log an incident at one of your premises (time to the minute).
// Nothing is chosen for the manager: what happened must be picked and described, or the entry
// would be a default no one meant.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { CATEGORY_SLUGS, INCIDENT_CATEGORIES } from '../../../../shared/incident-categories.ts'
import type { BodyOf } from '../../api/contract.ts'
import { Field, Form } from '../../components/form.tsx'
import { localInputValue } from './format.ts'

type Category = BodyOf<'/api/incidents', 'post'>['category']
const isCategory = (value: string): value is Category => CATEGORY_SLUGS.includes(value)

export function IncidentBookForm ({ premises, onSaved }: { premises: { id: number; name: string }[]; onSaved: () => void }) {
  const blank = { premisesId: premises[0]?.id ?? 0, category: '' as Category | '', occurredAt: localInputValue(), description: '' }
  const [form, setForm] = useState(blank)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  async function submit (event: Event) {
    setError(null); setSaved(null)
    const problems = [
      ...(form.category ? [] : [{ field: 'category', message: 'Choose what happened' }]),
      ...(form.description.trim() ? [] : [{ field: 'description', message: 'Describe what happened and what your staff did' }])
    ]
    if (problems.length || !form.category) { setError(problems); return }
    try {
      await api('/api/incidents', { body: { category: form.category, occurredAt: new Date(form.occurredAt).toISOString(), location: null, premisesId: Number(form.premisesId), description: form.description } })
      setSaved('Logged in the incident book.')
      setForm({ ...blank, premisesId: form.premisesId })
      onSaved()
    } catch (e) { setError(e) }
  }
  if (premises.length === 0) return <p class="muted">You do not manage any premises yet.</p>
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={Boolean(form.category || form.description)} aria-labelledby="book-title">
      <h2 id="book-title">Log an incident</h2>
      <Field id="premisesId" label="Premises" error={error}>
        <select id="premisesId" value={form.premisesId} onChange={e => setForm({ ...form, premisesId: Number(e.currentTarget.value) })}>
          {premises.map(p => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </Field>
      <Field id="category" label="What happened" error={error}>
        <select id="category" value={form.category} onChange={e => { const value = e.currentTarget.value; setForm({ ...form, category: isCategory(value) ? value : '' }) }}>
          <option value="">Choose what happened</option>
          {INCIDENT_CATEGORIES.map(c => <option key={c.slug} value={c.slug}>{c.label}</option>)}
        </select>
      </Field>
      <Field id="occurredAt" label="When" error={error}>
        <input id="occurredAt" type="datetime-local" value={form.occurredAt} onInput={e => setForm({ ...form, occurredAt: e.currentTarget.value })} />
      </Field>
      <Field id="description" label="Description" error={error} hint="What happened and what your staff did. Do not name people.">
        <textarea id="description" rows={3} maxLength={5000} value={form.description} onInput={e => setForm({ ...form, description: e.currentTarget.value })} />
      </Field>
      {saved && <p class="success" role="status">{saved}</p>}
      <button type="submit">Log incident</button>
    </Form>
  )
}
