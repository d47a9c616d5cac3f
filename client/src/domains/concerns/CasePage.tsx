// A reporter's own case, opened from the link in their emails: its status and the officers'
// updates. It never shows the words of the report or anyone's details.
import { useLocation, useRoute } from 'preact-iso'
import { ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { CLOSE_REASON_LABELS, CONCERN_KIND_LABELS, CONCERN_STATUS_LABELS, type CloseReason, type ConcernStatus } from '../../../../shared/schemas/concerns.ts'
import { concernsApi } from './concernsApi.ts'
import './concerns.css'

export default function CasePage () {
  const { params } = useRoute()
  const { query } = useLocation()
  const { data, error, loading } = useLoad(signal => concernsApi.publicCase(params.reference!, query.key ?? '', signal), [params.reference, query.key])
  usePageTitle(params.reference)
  return (
    <section class="report">
      <h1>Your report {params.reference}</h1>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <dl class="summary-list">
            <div><dt>What</dt><dd>{CONCERN_KIND_LABELS[data.kind]}{data.premisesName ? ` at ${data.premisesName}` : ''}</dd></div>
            <div><dt>Received</dt><dd>{formatDate(data.receivedAt, true)}</dd></div>
            <div><dt>Status</dt><dd><strong>{CONCERN_STATUS_LABELS[data.status as ConcernStatus]}</strong>{data.closeReason ? `: ${CLOSE_REASON_LABELS[data.closeReason as CloseReason].toLowerCase()}` : ''}</dd></div>
            {data.joinedWith && <div><dt>Joined with</dt><dd>Others reported the same thing, so your report follows case {data.joinedWith}.</dd></div>}
          </dl>
          <h2>Updates</h2>
          <ol class="case-updates">
            {[...data.updates].reverse().map(u => (
              <li key={u.at + u.text}>
                <p><strong>{formatDate(u.at, true)}</strong>{u.status ? ` · ${CONCERN_STATUS_LABELS[u.status as ConcernStatus]}` : ''}</p>
                <p>{u.text}</p>
              </li>
            ))}
          </ol>
          <p><a href="/report">Report something else</a></p>
        </>
      )}
    </section>
  )
}
