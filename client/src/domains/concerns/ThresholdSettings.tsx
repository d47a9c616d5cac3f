// How many substantiated concerns in how many days put a venue's plan due for review; set by an
// administrator, shown to officers.
import { useEffect, useState } from 'preact/hooks'
import { useLoad } from '../../components/ui.tsx'
import { Field, Form } from '../../components/form.tsx'
import { concernsApi } from './concernsApi.ts'
import { plural } from '../../../../shared/plural.ts'

export function ThresholdSettings ({ canEdit }: { canEdit: boolean }) {
  const { data, reload } = useLoad(signal => concernsApi.settings(signal), [])
  const [form, setForm] = useState({ threshold: '', periodDays: '' })
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  useEffect(() => { if (data) setForm({ threshold: String(data.threshold), periodDays: String(data.periodDays) }) }, [data])
  if (!data) return null

  async function save () {
    setSaved(false)
    const threshold = Number(form.threshold)
    const periodDays = Number(form.periodDays)
    const problems = [
      ...(!Number.isInteger(threshold) || threshold < 1 || threshold > 100 ? [{ field: 'threshold', message: 'Enter a whole number of concerns from 1 to 100' }] : []),
      ...(!Number.isInteger(periodDays) || periodDays < 7 || periodDays > 730 ? [{ field: 'periodDays', message: 'Enter a number of days from 7 to 730' }] : [])
    ]
    if (problems.length) { setError(problems); return }
    try {
      await concernsApi.saveSettings({ threshold, periodDays })
      setError(null)
      await reload()
      setSaved(true)
    } catch (e) { setError(e) }
  }

  return (
    <section aria-labelledby="threshold-title">
      <h2 id="threshold-title">When concerns put a plan due for review</h2>
      <p>{plural(data.threshold, 'substantiated concern')} about a venue within {plural(data.periodDays, 'day')} {data.threshold === 1 ? 'brings' : 'bring'} forward the review of its noise management plan (music, deliveries, plant) or dispersal policy (people outside, anti-social behaviour), and its managers are told which concerns.</p>
      {canEdit && (
        <Form class="form card" onSubmit={save} error={error} fieldIds={{ threshold: 'threshold', periodDays: 'period-days' }}>
          <Field id="threshold" label="Substantiated concerns" error={error}>
            <input id="threshold" inputMode="numeric" value={form.threshold} onInput={e => setForm({ ...form, threshold: e.currentTarget.value })} />
          </Field>
          <Field id="period-days" label="Within this many days" error={Array.isArray(error) ? error.map(p => p.field === 'periodDays' ? { ...p, field: 'period-days' } : p) : error}>
            <input id="period-days" inputMode="numeric" value={form.periodDays} onInput={e => setForm({ ...form, periodDays: e.currentTarget.value })} />
          </Field>
          {saved && <p class="success" role="status">The threshold is saved.</p>}
          <div><button type="submit">Save threshold</button></div>
        </Form>
      )}
    </section>
  )
}
