// An administrator's target for one indicator: set a number, or remove it to go back to the
// default (PUT /api/indicators/:key/target). The words of any refusal come from the server.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Field, Form } from '../../components/form.tsx'
import type { Indicator } from '../../../../shared/schemas/indicators.ts'

export function TargetForm ({ indicator, onSaved }: { indicator: Indicator; onSaved: () => Promise<void> }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState('')
  const id = `target-${indicator.key}`
  const save = async (target: number | string | null) => {
    setError(null)
    setDone('')
    try {
      await api(`/api/indicators/${indicator.key}/target`, { method: 'PUT', body: { target } as { target: number | null } })
      await onSaved()
      setText('')
      setDone(target === null ? 'Target removed.' : 'Target saved.')
    } catch (err) {
      setError(err)
    }
  }
  // A number goes as a number; anything else goes as typed, so the server says what to enter.
  const typed = () => text.trim() === '' ? '' : Number.isFinite(Number(text)) ? Number(text) : text
  return (
    <Form class="form target-form no-print" onSubmit={() => save(typed())} error={error} fieldIds={{ target: id }} dirty={text.trim() !== ''} aria-label={`Target for ${indicator.title}`}>
      <Field id={id} name="target" label="Set a target" hint={indicator.unit === 'percent' ? 'A percentage, 0 to 100' : indicator.unit === 'venues' ? 'A number of venues' : 'A number of records over 12 months'} error={error}>
        <input id={id} name="target" inputMode="decimal" autocomplete="off" value={text} onInput={e => setText(e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="submit">Save target</button>
        {indicator.targetSetBy === 'admin' && <button type="button" class="secondary" onClick={() => save(null)}>Remove target</button>}
      </div>
      {done && <p class="success" role="status">{done}</p>}
    </Form>
  )
}
