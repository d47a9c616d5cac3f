// The venue manager's incident book: log an incident at one of your premises (time to the minute),
// or change an entry while its edit window is open. Nothing is chosen for the manager: what
// happened must be picked and described, or the entry would be a default no one meant.
import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { CATEGORY_SLUGS, INCIDENT_CATEGORIES } from '../../../../shared/incident-categories.ts'
import type { BodyOf } from '../../api/contract.ts'
import type { Incident } from '../../../../shared/schemas/incidents.ts'
import { Field, Form } from '../../components/form.tsx'
import { localInputValue } from './format.ts'

type Category = BodyOf<'/api/incidents', 'post'>['category']
const isCategory = (value: string): value is Category => CATEGORY_SLUGS.includes(value)

interface Props {
  premises: { id: number; name: string }[]
  /** The entry being changed, or null to log a new one. */
  editing?: Incident | null
  onSaved: () => void
  onCancel?: () => void
}

function formOf (premises: Props['premises'], editing: Incident | null | undefined) {
  if (!editing) return { premisesId: premises[0]?.id ?? 0, category: '' as Category | '', occurredAt: localInputValue(), description: '' }
  return {
    premisesId: editing.premisesId ?? premises[0]?.id ?? 0,
    category: isCategory(editing.category) ? editing.category : '' as Category | '',
    occurredAt: localInputValue(new Date(editing.occurredAt)),
    description: editing.description ?? ''
  }
}

export function IncidentBookForm ({ premises, editing, onSaved, onCancel }: Props) {
  const start = formOf(premises, editing)
  const [form, setForm] = useState(start)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    setForm(formOf(premises, editing)); setError(null)
    if (editing) { heading.current?.focus(); heading.current?.scrollIntoView?.({ block: 'start' }) }
  }, [editing?.id])
  async function submit (event: Event) {
    setError(null); setSaved(null)
    const problems = [
      ...(form.category ? [] : [{ field: 'category', message: 'Choose what happened' }]),
      ...(form.description.trim() ? [] : [{ field: 'description', message: 'Describe what happened and what your staff did' }])
    ]
    if (problems.length || !form.category) { setError(problems); return }
    const body = { category: form.category, occurredAt: new Date(form.occurredAt).toISOString(), premisesId: Number(form.premisesId), description: form.description }
    try {
      if (editing) {
        await api(`/api/incidents/${editing.id}`, { method: 'PATCH', body })
        setSaved('Entry changed.')
      } else {
        await api('/api/incidents', { body: { ...body, location: null } })
        setSaved('Logged in the incident book.')
        setForm({ ...formOf(premises, null), premisesId: form.premisesId })
      }
      onSaved()
    } catch (e) { setError(e) }
  }
  if (premises.length === 0) return <p class="muted">You do not manage any premises yet.</p>
  const dirty = editing ? JSON.stringify(form) !== JSON.stringify(start) : Boolean(form.category || form.description)
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={dirty} aria-labelledby="book-title">
      <h2 id="book-title" ref={heading} tabIndex={-1}>{editing ? 'Change an entry' : 'Log an incident'}</h2>
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
      <div class="actions">
        <button type="submit">{editing ? 'Save changes' : 'Log incident'}</button>
        {editing && onCancel && <button type="button" class="secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </Form>
  )
}
