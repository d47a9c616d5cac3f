// One concern for officers and police: the report with the reporter's details, where and when,
// the venues it may be about (those trading at that time first), the case history, and for
// officers the triage, update, merge and abusive actions.
import { useRoute } from 'preact-iso'
import { useState } from 'preact/hooks'
import { Loading, PageError, formatDate, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { MapView } from '../../map/MapView.tsx'
import { useSession } from '../../session.tsx'
import { CLOSE_REASON_LABELS, CONCERN_KIND_LABELS, CONCERN_STATUS_LABELS, type CloseReason, type ConcernStatus } from '../../../../shared/schemas/concerns.ts'
import { DAY_LABELS } from '../../../../shared/concerns/trading.ts'
import { concernsApi, type ConcernDetail } from './concernsApi.ts'
import { showPin } from './mapLayers.ts'
import { TriageForm, UpdateForm, MergeForm, AbusiveForm } from './ConcernActions.tsx'
import './concerns.css'

function whenOf (c: ConcernDetail): string {
  if (c.occurredAt) return formatDate(c.occurredAt, true)
  if (c.pattern) return `Often: ${c.pattern.days.map(d => DAY_LABELS[d]).join(', ')}, ${c.pattern.from}–${c.pattern.to}`
  return `Happening when reported (${formatDate(c.receivedAt, true)})`
}

export default function ConcernPage () {
  const { params } = useRoute()
  const id = Number(params.id)
  const { user } = useSession()
  const { data, error, loading, reload } = useLoad(signal => concernsApi.get(id, signal), [id])
  const [message, setMessage] = useState<string | null>(null)
  usePageTitle(data ? `Concern ${data.reference}` : 'Concern')
  const canAct = user?.role === 'admin' || user?.role === 'licensing_officer'
  const done = async (text: string) => { setMessage(null); await reload(); setMessage(text) }

  if (loading && !data) return <Loading />
  if (!data) return <PageError error={error} />
  return (
    <section>
      <p><a href="/concerns">Back to the concerns</a></p>
      <h1>Concern {data.reference}: {CONCERN_KIND_LABELS[data.kind]}</h1>
      {message && <p class="success" role="status">{message}</p>}
      <p>
        <span class={`pill ${data.status}`}>{CONCERN_STATUS_LABELS[data.status as ConcernStatus]}</span>
        {data.closeReason && <> {CLOSE_REASON_LABELS[data.closeReason as CloseReason]}</>}
        {data.substantiated === true && <> · substantiated</>}{data.substantiated === false && <> · not substantiated</>}
        {data.repeatOf && <> · repeat of <a href={`/concerns/${data.repeatOf.id}`}>{data.repeatOf.reference}</a></>}
        {data.duplicateOf && <> · joined with <a href={`/concerns/${data.duplicateOf.id}`}>{data.duplicateOf.reference}</a></>}
      </p>
      <div class="grid-2">
        <div class="card">
          <h2>The report</h2>
          <p class="mail-text">{data.description}</p>
          <dl class="facts">
            <dt>When</dt><dd>{whenOf(data)}</dd>
            <dt>Where</dt><dd>{data.premisesName ?? (data.location ? `Pin (within about ${Math.round(data.accuracyM ?? 0)} m)` : '—')}{data.locationText ? `: ${data.locationText}` : ''}</dd>
            <dt>Received</dt><dd>{formatDate(data.receivedAt, true)}</dd>
            <dt>Reporter</dt><dd>{data.reporter.name ?? 'No name given'}, <a href={`mailto:${data.reporter.email}`}>{data.reporter.email}</a>{data.reporter.anonymousToVenue && <><br /><strong>Asked to stay anonymous to the venue.</strong></>}</dd>
            {data.repeats.length > 0 && <><dt>Repeated by</dt><dd>{data.repeats.map(r => <a key={r!.id} href={`/concerns/${r!.id}`}>{r!.reference} </a>)}</dd></>}
            {data.duplicates.length > 0 && <><dt>Joined into it</dt><dd>{data.duplicates.map(r => <a key={r!.id} href={`/concerns/${r!.id}`}>{r!.reference} </a>)}</dd></>}
          </dl>
        </div>
        {data.location && (
          <MapView class="concern-map" center={[data.location.lat, data.location.lng]} zoom={17} label={`Map of where concern ${data.reference} was pinned`}
            onReady={map => showPin(map, data.location!, data.accuracyM ?? 0)} />
        )}
      </div>
      {canAct && !data.duplicateOf && <TriageForm concern={data} onDone={done} />}
      {canAct && !data.duplicateOf && <UpdateForm concern={data} onDone={done} />}
      <h2>History</h2>
      <ol class="case-updates">
        {[...data.updates].reverse().map(u => (
          <li key={u.id}>
            <p><strong>{formatDate(u.at, true)}</strong> · {u.authorName ?? 'Nightsafe'}{u.status ? ` · ${CONCERN_STATUS_LABELS[u.status as ConcernStatus]}` : ''}{u.closeReason ? ` (${CLOSE_REASON_LABELS[u.closeReason as CloseReason].toLowerCase()})` : ''}</p>
            {u.publicText && <p>To the reporter{u.emailed ? ` (emailed to ${u.emailed})` : ''}: {u.publicText}</p>}
            {u.internalNote && <p class="muted">Note: {u.internalNote}</p>}
          </li>
        ))}
      </ol>
      {canAct && !data.duplicateOf && data.status !== 'closed' && <MergeForm concern={data} onDone={done} />}
      {canAct && !data.abusive && <AbusiveForm concern={data} onDone={done} />}
    </section>
  )
}
