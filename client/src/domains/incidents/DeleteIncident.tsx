// Asking before an incident is deleted: a panel on the page (never the browser's confirm box)
// that says what will go, takes focus so it is read out, and shows the server's refusal in words.
import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import type { Incident } from '../../../../shared/schemas/incidents.ts'
import { ErrorSummary } from '../../components/form.tsx'
import { categoryLabel, when } from './format.ts'

export function DeleteIncident ({ incident, onDeleted, onCancel }: { incident: Incident; onDeleted: () => void; onCancel: () => void }) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { heading.current?.focus(); heading.current?.scrollIntoView?.({ block: 'start' }) }, [incident.id])
  async function confirm () {
    setBusy(true); setError(null)
    try {
      await api(`/api/incidents/${incident.id}`, { method: 'DELETE' })
      onDeleted()
    } catch (e) { setError(e) } finally { setBusy(false) }
  }
  return (
    <section class="card warning-panel" aria-labelledby="delete-title" data-testid="delete-incident">
      <ErrorSummary error={error} />
      <h2 id="delete-title" ref={heading} tabIndex={-1}>Delete this incident?</h2>
      <p>{categoryLabel(incident.category)}, {when(incident)}{incident.description ? `: ${incident.description}` : ''}</p>
      <p>Only delete it if it was recorded by mistake. Once deleted it no longer counts against the venue, but a copy of what it said is kept in the audit log.</p>
      <div class="actions">
        <button type="button" class="danger" disabled={busy} onClick={confirm}>Yes, delete it</button>
        <button type="button" class="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  )
}
