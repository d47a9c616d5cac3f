// Assigning one piece of the team's work to a named officer, on "Today": a small form per item
// with the officers to choose from (GET /api/me/work/assignees, loaded once by the page).
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Field, Form } from '../../components/form.tsx'

export interface Officer { id: number; name: string }

interface Props {
  itemKey: string
  /** The list's position, for ids unique on the page. */
  index: number
  assigneeId: number | undefined
  officers: Officer[]
  /** Called once the assignment is saved, for the page to read the list again. */
  onAssigned: () => void
}

export function AssignWork ({ itemKey, index, assigneeId, officers, onAssigned }: Props) {
  const [choice, setChoice] = useState(assigneeId ? String(assigneeId) : '')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const id = `assign-${index}`
  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await api('/api/me/work/assignment', { method: 'PUT', body: { key: itemKey, assigneeId: choice ? Number(choice) : null } })
      onAssigned()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Form class="work-assign" onSubmit={submit} error={error} fieldIds={{ assigneeId: id }} aria-label="Assign this work">
      <Field id={id} name="assigneeId" label="Assign to" error={error}>
        <select id={id} value={choice} onChange={e => setChoice(e.currentTarget.value)}>
          <option value="">Nobody (the team)</option>
          {officers.map(o => <option key={o.id} value={String(o.id)}>{o.name}</option>)}
        </select>
      </Field>
      <button type="submit" class="secondary" disabled={busy}>{busy ? 'Saving…' : 'Assign'}</button>
    </Form>
  )
}
