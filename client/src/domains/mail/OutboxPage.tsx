// The administrator's outbox: every email Nightsafe queued, sent or gave up on, newest first.
// Without an SMTP server it shows where the messages are written, so a new installation can
// see what it would send.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, Pager, formatDate, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { MAIL_STATUSES, type MailStatus, type Outbox } from '../../../../shared/schemas/mail.ts'
import { TableScroll } from '../../components/table.tsx'

const PAGE = 50
const STATUS_LABELS: Record<MailStatus, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' }

export default function OutboxPage () {
  usePageTitle('Email outbox')
  const [status, setStatus] = useState<MailStatus | ''>('')
  const [offset, setOffset] = useState(0)
  const { data, error, loading } = useLoad(signal => api('/api/mail/outbox', { signal, query: { status, limit: PAGE, offset } }), [status, offset])

  return (
    <section>
      <h1>Email outbox</h1>
      {data && <TransportNote outbox={data} />}
      {data && (
        <p>{MAIL_STATUSES.map(s => <span key={s} class={`pill ${s}`} style="margin-right:.5rem">{STATUS_LABELS[s]}: {data.counts[s] ?? 0}</span>)}</p>
      )}
      <div class="filters">
        <div>
          <label for="status">Show</label>
          <select id="status" value={status} onChange={e => { setStatus(e.currentTarget.value as MailStatus | ''); setOffset(0) }}>
            <option value="">All messages</option>
            {MAIL_STATUSES.map(s => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
      </div>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <Empty>No messages{status ? ` that are ${STATUS_LABELS[status].toLowerCase()}` : ' yet'}.</Empty>}
      {data && data.items.length > 0 && (
        <div class="table-scroll">
          <TableScroll><table class="table">
            <caption class="visually-hidden">Email messages, newest first</caption>
            <thead><tr><th scope="col">Subject</th><th scope="col">To</th><th scope="col">Status</th><th scope="col">Queued</th></tr></thead>
            <tbody>{data.items.map(m => (
              <tr key={m.id}>
                <td><a href={`/admin/mail/${m.id}`}>{m.subject}</a></td>
                <td>{m.to}</td>
                <td>
                  <span class={`pill ${m.status}`}>{STATUS_LABELS[m.status]}</span>
                  {m.status === 'queued' && m.attempts > 0 && <small class="muted"> attempt {m.attempts + 1} at {formatDate(m.nextAttemptAt, true)}</small>}
                  {m.status === 'sent' && m.sentAt && <small class="muted"> {formatDate(m.sentAt, true)}</small>}
                </td>
                <td>{formatDate(m.createdAt, true)}</td>
              </tr>
            ))}</tbody>
          </table></TableScroll>
        </div>
      )}
      {data && <Pager offset={offset} pageSize={PAGE} total={data.total} onChange={setOffset} />}
    </section>
  )
}

function TransportNote ({ outbox }: { outbox: Outbox }) {
  if (outbox.transport === 'smtp') return <p>Email is sent through the SMTP server set in <code>SMTP_URL</code>.</p>
  if (outbox.transport === 'folder') {
    return <p class="card">No SMTP server is set up (<code>SMTP_URL</code>), so nothing leaves this machine: each message is written as an <code>.eml</code> file to <code>{outbox.folder}</code>. Open one here to read what would be sent.</p>
  }
  return <p class="card">No SMTP server is set up and there is no data folder: messages are only recorded here.</p>
}
