// One message of the outbox as it is (or will be) sent, with its delivery history, and for a
// failed message a button to send it again.
import { useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { api } from '../../api/client.ts'
import { ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'

export default function OutboxMessagePage () {
  const { params } = useRoute()
  const { data, error, loading, reload } = useLoad(signal => api(`/api/mail/outbox/${params.id}`, { signal }), [params.id])
  const [retryError, setRetryError] = useState<unknown>(null)
  const [retried, setRetried] = useState(false)
  usePageTitle(data ? `Email: ${data.subject}` : 'Email message')

  async function retry () {
    setRetryError(null)
    try {
      await api(`/api/mail/outbox/${params.id}/retry`, { method: 'POST', body: {} })
      await reload()
      setRetried(true)
    } catch (e) { setRetryError(e) }
  }

  return (
    <section>
      <p><a href="/admin/mail">Back to the outbox</a></p>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <>
          <h1>{data.subject}</h1>
          <dl class="facts card">
            <dt>To</dt><dd>{data.to}</dd>
            <dt>Kind</dt><dd>{data.kind.replace(/_/g, ' ')}</dd>
            <dt>Status</dt><dd><span class={`pill ${data.status}`}>{data.status}</span>{data.transport && <span class="muted"> by {data.transport}</span>}</dd>
            <dt>Queued</dt><dd>{formatDate(data.createdAt, true)}</dd>
            <dt>Attempts</dt><dd>{data.attempts}</dd>
            {data.sentAt && <><dt>Sent</dt><dd>{formatDate(data.sentAt, true)}</dd></>}
            {data.status === 'queued' && data.attempts > 0 && <><dt>Next attempt</dt><dd>{formatDate(data.nextAttemptAt, true)}</dd></>}
            {data.lastError && <><dt>Last error</dt><dd><code>{data.lastError}</code></dd></>}
          </dl>
          {data.status === 'failed' && <p><button type="button" onClick={retry}>Send it again</button></p>}
          {retried && <p class="success" role="status">The message is back in the queue.</p>}
          <ErrorMessage error={retryError} />
          <h2>Message</h2>
          <pre class="mail-text">{data.text}</pre>
        </>
      )}
    </section>
  )
}
