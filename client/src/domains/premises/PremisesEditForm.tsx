// The edit form on the premises page: officers change every field; a venue manager only the
// contact and operating fields (the server enforces the same rule). Sends only changed fields
// and shows the server's field errors beside the field.
import { useState } from 'preact/hooks'
import { api, ApiError } from '../../api/client.ts'
import { ErrorMessage } from '../../components/ui.tsx'
import { Field } from '../../components/form.tsx'
import { DAYS, PREMISES_STATUSES, PREMISES_TYPES, type OpeningHours, type PremisesDetail } from '../../../../shared/schemas/premises.ts'
import { ANNEX_LABELS, DAY_LABELS, STATUS_LABELS, TYPE_LABELS } from './labels.ts'

type Values = Record<string, string>
const TEXT_FIELDS: [string, string][] = [['name', 'Premises name'], ['address', 'Address'], ['postcode', 'Postcode'], ['licenceNumber', 'Licence number'], ['licenceHolder', 'Licence holder'], ['dpsName', 'Designated premises supervisor']]
const CONTACT_FIELDS: [string, string][] = [['phone', 'Phone'], ['email', 'Email'], ['website', 'Website']]

function initial (p: PremisesDetail): Values {
  const values: Values = { capacity: p.capacity?.toString() ?? '', status: p.status, premisesType: p.premisesType }
  for (const [key] of [...TEXT_FIELDS, ...CONTACT_FIELDS]) values[key] = String((p as unknown as Record<string, unknown>)[key] ?? '')
  for (const d of DAYS) { values[`${d}-from`] = p.openingHours[d]?.from ?? ''; values[`${d}-to`] = p.openingHours[d]?.to ?? '' }
  for (const a of [1, 2, 3, 4]) values[`annex${a}`] = p.conditions.filter(c => c.annex === a).map(c => c.text).join('\n')
  return values
}

function changes (before: Values, after: Values, full: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  const keys = full ? [...TEXT_FIELDS, ...CONTACT_FIELDS].map(([k]) => k) : CONTACT_FIELDS.map(([k]) => k)
  for (const key of keys) if (before[key] !== after[key]) body[key] = after[key]!.trim() === '' ? (key === 'name' || key === 'address' ? after[key] : null) : after[key]!.trim()
  if (full && before.capacity !== after.capacity) body.capacity = after.capacity!.trim() === '' ? null : Number(after.capacity)
  if (full && before.status !== after.status) body.status = after.status
  if (full && before.premisesType !== after.premisesType) body.premisesType = after.premisesType
  if (DAYS.some(d => before[`${d}-from`] !== after[`${d}-from`] || before[`${d}-to`] !== after[`${d}-to`])) {
    const hours: OpeningHours = {}
    for (const d of DAYS) if (after[`${d}-from`] || after[`${d}-to`]) hours[d] = { from: after[`${d}-from`]!, to: after[`${d}-to`]! }
    body.openingHours = hours
  }
  if (full && [1, 2, 3, 4].some(a => before[`annex${a}`] !== after[`annex${a}`])) {
    body.conditions = [1, 2, 3, 4].flatMap(annex => after[`annex${annex}`]!.split('\n').map(t => t.trim()).filter(Boolean).map(text => ({ annex, text })))
  }
  return body
}

export function PremisesEditForm ({ premises, full, onSaved }: { premises: PremisesDetail; full: boolean; onSaved: (p: PremisesDetail) => void }) {
  const [values, setValues] = useState(() => initial(premises))
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const set = (key: string) => (e: { currentTarget: EventTarget | null }) => { setSaved(false); setValues(v => ({ ...v, [key]: (e.currentTarget as HTMLInputElement).value })) }
  const input = (key: string, label: string, type: 'text' | 'number' | 'email' | 'url' | 'tel' = 'text') => (
    <Field id={key} label={label} error={error}><input id={key} type={type as 'text'} value={values[key]} onInput={set(key)} /></Field>
  )

  async function submit (e: Event) {
    e.preventDefault()
    const body = changes(initial(premises), values, full)
    if (!Object.keys(body).length) { setError(new ApiError(400, 'NO_CHANGES', 'Nothing has changed yet.')); return }
    setSaving(true); setError(null)
    try {
      const updated = await api(`/api/premises/${premises.id}`, { method: 'PATCH', body })
      setValues(initial(updated)); setSaved(true); onSaved(updated)
    } catch (err) { setError(err) } finally { setSaving(false) }
  }

  return (
    <form class="form premises-edit" onSubmit={submit} noValidate>
      {full && TEXT_FIELDS.map(([k, l]) => input(k, l))}
      {full && (
        <>
          <Field id="status" label="Status" error={error}>
            <select id="status" value={values.status} onChange={set('status')}>{PREMISES_STATUSES.map(s => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}</select>
          </Field>
          <Field id="premisesType" label="Premises type" error={error}>
            <select id="premisesType" value={values.premisesType} onChange={set('premisesType')}>{PREMISES_TYPES.map(s => <option key={s} value={s}>{TYPE_LABELS[s]}</option>)}</select>
          </Field>
          {input('capacity', 'Capacity', 'number')}
        </>
      )}
      {CONTACT_FIELDS.map(([k, l]) => input(k, l, k === 'email' ? 'email' : k === 'website' ? 'url' : 'tel'))}
      <fieldset>
        <legend>Opening hours (leave a day empty if closed)</legend>
        {DAYS.map(d => (
          <div key={d} class="hours-row">
            <label for={`${d}-from`}>{DAY_LABELS[d]} from</label><input id={`${d}-from`} type="time" value={values[`${d}-from`]} onInput={set(`${d}-from`)} />
            <label for={`${d}-to`}>to</label><input id={`${d}-to`} type="time" value={values[`${d}-to`]} onInput={set(`${d}-to`)} />
          </div>
        ))}
        {error instanceof ApiError && error.field?.startsWith('openingHours') && <p class="error" role="alert">{error.message}</p>}
      </fieldset>
      {full && [1, 2, 3, 4].map(a => (
        <Field key={a} id={`annex${a}`} label={`${ANNEX_LABELS[a]} (one per line)`} error={error}>
          <textarea id={`annex${a}`} value={values[`annex${a}`]} onInput={set(`annex${a}`)} />
        </Field>
      ))}
      {!full && <p class="hint">Licence details (holder, DPS, activities, capacity, conditions, status) are changed by the licensing team.</p>}
      {error instanceof ApiError && !error.field ? <ErrorMessage error={error} /> : null}
      {error instanceof ApiError && error.field && !['openingHours'].some(f => error.field!.startsWith(f)) && <p class="error visually-hidden" role="status">{error.message}</p>}
      <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save changes'}</button>
      {saved && <p class="success" role="status">Saved.</p>}
    </form>
  )
}
