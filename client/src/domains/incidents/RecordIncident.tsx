// Police and licensing officers record an incident: category, time, a point picked on the map,
// optionally the premises it happened at (chosen by name), a description and police-only notes.
// Nothing is chosen for them: the category must be picked, or a default would be recorded.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api } from '../../api/client.ts'
import { useLoad } from '../../components/ui.tsx'
import { Field, Form, problemFor } from '../../components/form.tsx'
import { PremisesPicker, type PickedPremises } from '../../components/PremisesPicker.tsx'
import { MapView } from '../../map/MapView.tsx'
import { CATEGORY_SLUGS, INCIDENT_CATEGORIES } from '../../../../shared/incident-categories.ts'
import type { Incident } from '../../../../shared/schemas/incidents.ts'
import type { BodyOf } from '../../api/contract.ts'
import { attachPointPicker } from './mapLayers.ts'
import { localInputValue, radiusText, type RadiusSettings } from './format.ts'

type Category = BodyOf<'/api/incidents', 'post'>['category']
const isCategory = (value: string): value is Category => CATEGORY_SLUGS.includes(value)

export default function RecordIncident () {
  const { route } = useLocation()
  const settings = useLoad(signal => api('/api/incidents/settings', { signal }), [])
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null)
  const [form, setForm] = useState({ category: '', occurredAt: localInputValue(), locationText: '', description: '', policeOnlyNotes: '' })
  const [premises, setPremises] = useState<PickedPremises | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<Incident | null>(null)
  const text = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })

  async function submit () {
    setError(null)
    const problems = [
      ...(isCategory(form.category) ? [] : [{ field: 'category', message: 'Choose the category of what happened' }]),
      ...(point || premises ? [] : [{ field: 'location', message: 'Click the map to mark where it happened, or choose the premises it happened at' }])
    ]
    if (problems.length || !isCategory(form.category)) { setError(problems); return }
    try {
      const incident = await api('/api/incidents', {
        body: {
          category: form.category, occurredAt: new Date(form.occurredAt).toISOString(), location: point,
          premisesId: premises?.id ?? null, locationText: form.locationText || null,
          description: form.description || null, policeOnlyNotes: form.policeOnlyNotes || null
        }
      })
      setSaved(incident)
    } catch (e) { setError(e) }
  }

  if (saved) {
    return (
      <section>
        <h1>Incident recorded</h1>
        <p class="success" role="status">Incident {saved.id} recorded{saved.premisesName ? ` at ${saved.premisesName} (${saved.attribution === 'linked' ? 'linked' : 'nearby'})` : saved.attribution === 'ambiguous' ? ' near several venues' : ''}.</p>
        <p><a href="/incidents">Back to incidents</a> · <button class="link" onClick={() => { setSaved(null); setPoint(null); setPremises(null); route('/incidents/new') }}>Record another</button></p>
      </section>
    )
  }
  return (
    <section>
      <h1>Record an incident</h1>
      <Form onSubmit={submit} error={error} dirty={Boolean(form.category || form.description || form.policeOnlyNotes || point || premises)}>
        <Field id="category" label="Category" error={error}>
          <select id="category" value={form.category} onChange={text('category')}>
            <option value="">Choose a category</option>
            {INCIDENT_CATEGORIES.map(c => <option key={c.slug} value={c.slug}>{c.label}</option>)}
          </select>
        </Field>
        <Field id="occurredAt" label="When it happened" error={error}>
          <input id="occurredAt" type="datetime-local" value={form.occurredAt} onInput={text('occurredAt')} />
        </Field>
        <Field id="location" label="Where it happened" error={error} hint="Click the map to set the point.">
          <MapView label="Click to mark where the incident happened" onReady={map => attachPointPicker(map, setPoint)} />
          <p class="muted" data-testid="picked-point">{point ? `Point set: ${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}` : 'No point set yet.'}</p>
        </Field>
        <Field id="premisesId" label="Premises (if it happened at a venue)" error={error} hint={`Type part of its name, street or postcode and choose it. ${radiusText(settings.data)}`}>
          <PremisesPicker id="premisesId" value={premises} onChange={setPremises} describedBy="premisesId-hint" invalid={Boolean(problemFor(error, 'premisesId'))} />
        </Field>
        <Field id="locationText" label="Location description" error={error}>
          <input id="locationText" maxLength={300} value={form.locationText} onInput={text('locationText')} />
        </Field>
        <Field id="description" label="Description" error={error}>
          <textarea id="description" rows={3} maxLength={5000} value={form.description} onInput={text('description')} />
        </Field>
        <Field id="policeOnlyNotes" label="Police-only notes" error={error} hint="Never shown to venue managers.">
          <textarea id="policeOnlyNotes" rows={2} maxLength={5000} value={form.policeOnlyNotes} onInput={text('policeOnlyNotes')} />
        </Field>
        <button type="submit">Record incident</button>
      </Form>
    </section>
  )
}
