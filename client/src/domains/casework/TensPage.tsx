// Temporary Event Notices by event date, from today: the police and environmental health see
// new ones here (and on the hotspot map), a venue manager its own.
import { useState } from 'preact/hooks'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { hasRole, useSession } from '../../session.tsx'
import { localToday } from '../../settings.ts'
import { TEN_STATUS_LABELS, formatLocal, tensApi } from './tensApi.ts'
import './casework.css'
import { TableScroll } from '../../components/table.tsx'

export default function TensPage () {
  usePageTitle('Temporary Event Notices')
  const { user } = useSession()
  const [from, setFrom] = useState(localToday())
  const list = useLoad(signal => tensApi.list({ from: from || undefined, limit: 200 }, signal), [from])
  return (
    <section>
      <h1>Temporary Event Notices</h1>
      {hasRole(user, ['venue_manager', 'licensing_officer', 'admin']) && <p><a class="button" href="/tens/new">Give a notice</a></p>}
      <div class="filters">
        <label for="ten-from">Events from</label>
        <input id="ten-from" type="date" value={from} onInput={e => setFrom(e.currentTarget.value)} />
      </div>
      {list.loading && !list.data && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && (list.data.items.length === 0
        ? <p class="muted">No notices for events from this date.</p>
        : (
          <div class="table-wrap">
            <TableScroll><table class="table">
              <caption class="visually-hidden">Notices by event start</caption>
              <thead><tr><th scope="col">Event</th><th scope="col">Premises</th><th scope="col">Kind</th><th scope="col">Objections close</th><th scope="col">Status</th></tr></thead>
              <tbody>{list.data.items.map(t => (
                <tr key={t.id}>
                  <td><a href={`/tens/${t.id}`}>{formatLocal(t.startsAt)}</a></td>
                  <td>{t.premisesName}</td>
                  <td>{t.kind}</td>
                  <td>{formatLocal(t.objectionDeadline)}</td>
                  <td>{TEN_STATUS_LABELS[t.status]}</td>
                </tr>
              ))}</tbody>
            </table></TableScroll>
          </div>
          ))}
    </section>
  )
}
