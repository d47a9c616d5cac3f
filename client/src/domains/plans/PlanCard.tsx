// One document on the plans tab: its current and newest versions, the overdue state, the
// officer's comments on a returned version, and what the user's role can do next.
import { formatDate } from '../../components/ui.tsx'
import { PLAN_KIND_LABELS, PLAN_SLUGS, type PlanKind } from '../../../../shared/plans/templates.ts'
import { STATUS_LABELS, type PlanDocument } from './plansApi.ts'
import { PlanReview } from './PlanReview.tsx'

export interface PlanCardProps {
  premisesId: number
  kind: PlanKind
  current: PlanDocument | null
  latest: PlanDocument | null
  canWrite: boolean
  canReview: boolean
  onEdit: () => void
  onReviewed: () => void
}

export const StatusPill = ({ status }: { status: string }) => <span class={`status-pill status-${status}`}>{STATUS_LABELS[status] ?? status}</span>

export function PlanCard ({ premisesId, kind, current, latest, canWrite, canReview, onEdit, onReviewed }: PlanCardProps) {
  const label = PLAN_KIND_LABELS[kind]
  const base = `/plans/premises/${premisesId}/${PLAN_SLUGS[kind]}`
  const pending = latest && latest.id !== current?.id ? latest : null
  return (
    <article class="card plan-card" aria-labelledby={`${kind}-title`} data-kind={kind}>
      <h3 id={`${kind}-title`}>{label}</h3>
      {!latest && <p class="muted">No {label.toLowerCase()} yet. A licence application needs a current one.</p>}
      {current && (
        <p>
          Current: version {current.version} <StatusPill status={current.status} />
          {current.reviewDue && <> · review due {formatDate(current.reviewDue)}</>}
          {current.overdue && <> <span class="overdue-badge">Review overdue</span></>}
        </p>
      )}
      {latest && !current && <p><strong>No current version</strong>: nothing submitted or approved counts yet.</p>}
      {pending && (
        <div>
          <p>Newest: version {pending.version} <StatusPill status={pending.status} />{pending.submittedAt && <> · submitted {formatDate(pending.submittedAt)}</>}</p>
          {pending.status === 'returned' && Object.entries(pending.reviewComments).map(([key, text]) => (
            <p class="officer-comment" key={key}><strong>Officer on {key === 'general' ? 'the whole document' : key.replace(/_/g, ' ')}:</strong> {text}</p>
          ))}
        </div>
      )}
      {current?.status === 'approved' && current.reviewedByName && <p class="muted">Approved by {current.reviewedByName} on {formatDate(current.reviewedAt)}</p>}
      <div class="actions">
        {canWrite && <button type="button" onClick={onEdit}>{latest ? `Edit ${label.toLowerCase()}` : `Write ${label.toLowerCase()} from the template`}</button>}
        {latest && <a class="button secondary" href={base}>Version history</a>}
        {(current ?? latest) && <a class="button secondary" href={`${base}/${(current ?? latest)!.version}/print`}>Printable view</a>}
      </div>
      {canReview && latest?.status === 'submitted' && <PlanReview doc={latest} onDone={onReviewed} />}
    </article>
  )
}
