// A note form for acknowledging or resolving a flag; the server's field error shows beside the field.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Field } from '../../components/form.tsx'

export function NoteForm ({ id, action, label, button, onDone }: { id: number; action: 'acknowledge' | 'resolve'; label: string; button: string; onDone: () => void }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const fieldId = `${action}-note`
  async function submit (event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api(`/api/flags/${id}/${action}`, { body: { note } })
      setNote('')
      onDone()
    } catch (err) {
      setError(err)
    } finally { setBusy(false) }
  }
  const fieldError = error && typeof error === 'object' && 'field' in error ? Object.assign(error, { field: (error as any).field === 'note' ? fieldId : (error as any).field }) : error
  return (
    <form onSubmit={submit} class="note-form">
      <Field id={fieldId} label={label} error={fieldError}>
        <textarea id={fieldId} name="note" rows={3} required value={note} onInput={e => setNote(e.currentTarget.value)} />
      </Field>
      {error && !(error as any).field && <p class="error" role="alert">{(error as Error).message}</p>}
      <button type="submit" disabled={busy}>{button}</button>
    </form>
  )
}
