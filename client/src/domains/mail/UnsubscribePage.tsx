// The page behind the "Stop …" link in an email. Opening it changes nothing (mail systems open
// every link to scan it); the person presses the button, and it says what is stopped and where
// to change it back. No login: the link's token is the permission.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { api, ApiError } from '../../api/client.ts'
import { Loading, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'

const sentence = (stops: string) => stops.charAt(0).toUpperCase() + stops.slice(1)

export default function UnsubscribePage () {
  const { query } = useLocation()
  const token = query.token ?? ''
  const { data, error, loading } = useLoad(signal => token
    ? api('/api/public/unsubscribe', { query: { token }, signal })
    : Promise.reject(new ApiError(400, 'UNSUBSCRIBE_LINK_INVALID', 'This link is not complete. Copy the whole link from the email into your browser.')), [token])
  const [result, setResult] = useState<typeof data | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const state = result ?? data
  const problem = failure ?? (error ? (error instanceof ApiError ? error.message : 'The link could not be checked. Check your connection and try again.') : null)
  usePageTitle(problem ? 'Emails not stopped' : state?.stopped ? 'Emails stopped' : 'Stop these emails')

  async function stop () {
    setBusy(true)
    try { setResult(await api('/api/public/unsubscribe', { method: 'POST', body: { token } })) } catch (e) {
      setFailure(e instanceof ApiError ? e.message : 'The emails could not be stopped. Check your connection and try again.')
    } finally { setBusy(false) }
  }

  if (problem) {
    return (
      <section>
        <h1>We could not stop these emails</h1>
        <p role="alert">{problem}</p>
        <p><a href="/account/email">Email preferences</a> (after logging in)</p>
      </section>
    )
  }
  if (loading || !state) return <section><h1>Stop these emails</h1><Loading /></section>
  const account = state.kind !== 'stream'
  if (state.stopped) {
    return (
      <section>
        <div class="panel-confirmation" role="status">
          <h1>Emails stopped</h1>
          <p>We will not send you {state.stops} any more.</p>
        </div>
        {account
          ? <p>They still appear on your <a href="/notifications">notifications</a> page in Nightsafe. To have them emailed again, change your <a href="/account/email">email preferences</a>.</p>
          : <p>The page of your report still shows every update; the link to it is in the emails we sent you.</p>}
      </section>
    )
  }
  return (
    <section>
      <h1>Stop these emails</h1>
      <p>{sentence(state.stops)}: press the button and we will not email them to you any more.</p>
      {account && <p>They will still appear on your notifications page in Nightsafe, and you can turn them back on in your email preferences.</p>}
      <p><button type="button" onClick={stop} disabled={busy}>{busy ? 'Stopping…' : 'Stop these emails'}</button></p>
    </section>
  )
}
