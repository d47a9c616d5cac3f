// One flag: the explanation a committee can read, the monthly chart against the expected line,
// the venue's traffic light beside the statistics (the visits domain's record), the acknowledge and resolve forms, the history.
import { useRoute } from 'preact-iso'
import { api } from '../../api/client.ts'
import { PageError, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { hasRole, useSession } from '../../session.tsx'
import { TrafficLightBox } from '../visits/TrafficLightBox.tsx'
import { FlagChart } from './FlagChart.tsx'
import { NoteForm } from './NoteForm.tsx'
import { LevelBadge, STATUS_LABEL } from './labels.tsx'
import { FlagSummary } from './FlagSummary.tsx'

export default function FlagPage () {
  const { params } = useRoute()
  const { user } = useSession()
  const id = Number(params.id)
  const flag = useLoad(signal => api(`/api/flags/${id}`, { signal }), [id])
  if (flag.loading && !flag.data) return <Loading />
  if (!flag.data) return <PageError error={flag.error} />
  const f = flag.data
  const officer = hasRole(user, ['admin', 'licensing_officer'])
  return (
    <article class="flag-page">
      <p><a href="/flags">← All flags</a></p>
      <h1>{f.crimeGroup === 'theft' ? 'Theft' : f.crimeGroup.charAt(0).toUpperCase() + f.crimeGroup.slice(1)} at <a href={`/premises/${f.premisesId}`}>{f.premisesName}</a></h1>
      <p><LevelBadge level={f.level} /> <span data-testid="flag-status">{STATUS_LABEL[f.status]}</span>{!f.stillFlagged && <span class="muted"> — not flagged in the latest run</span>}</p>
      <FlagSummary flag={f} />
      <p><a href={`/incidents?premisesId=${f.premisesId}`}>See the incidents recorded at {f.premisesName}</a> · First raised {formatDate(f.firstRaisedAt)}</p>
      <TrafficLightBox premisesId={f.premisesId} />
      <FlagChart points={f.chart} title={`${f.premisesName}: ${f.crimeGroup} per month`} />
      {officer && f.status === 'open' && <NoteForm id={f.id} action="acknowledge" label="Acknowledgement note" button="Acknowledge" onDone={flag.reload} />}
      {officer && f.status !== 'resolved' && <NoteForm id={f.id} action="resolve" label="Action taken" button="Resolve" onDone={flag.reload} />}
      {f.acknowledgeNote && <p><strong>Acknowledged:</strong> {f.acknowledgeNote}</p>}
      {f.resolveNote && <p><strong>Resolved:</strong> {f.resolveNote}</p>}
      <h2>History</h2>
      <ol class="events" data-testid="flag-events">{f.events.map(e => (
        <li key={e.id}>{formatDate(e.at, true)} — {e.kind.replace('_', ' ')}{e.level ? ` (${e.level})` : ''}{e.userName ? ` by ${e.userName}` : ''}{e.note ? `: ${e.note}` : ''}</li>
      ))}</ol>
    </article>
  )
}
