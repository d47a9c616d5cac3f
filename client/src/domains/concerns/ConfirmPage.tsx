// The page behind the confirmation link. The person presses a button to confirm: mail systems
// that open every link to scan it must not confirm a report for them. Then it offers the case
// page, where updates will appear.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ApiError } from '../../api/client.ts'
import { usePageTitle } from '../../components/title.ts'
import { concernsApi } from './concernsApi.ts'
import './concerns.css'

export default function ConfirmPage () {
  const { query } = useLocation()
  const [result, setResult] = useState<{ reference: string; alreadyConfirmed: boolean; caseLink: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  usePageTitle(result ? 'Report confirmed' : error ? 'Report not confirmed' : 'Confirm your report')
  async function confirm () {
    if (!query.token) { setError('This link is not complete. Copy the whole link from the email into your browser.'); return }
    setBusy(true)
    try { setResult(await concernsApi.confirm(query.token)) } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The report could not be confirmed. Check your connection and try again.')
    } finally { setBusy(false) }
  }

  if (error) {
    return (
      <section class="report">
        <h1>We could not confirm your report</h1>
        <p role="alert">{error}</p>
        <p><a href="/report">Report a concern</a></p>
      </section>
    )
  }
  if (!result) {
    return (
      <section class="report">
        <h1>Confirm your report</h1>
        <p>Press the button to confirm that you made this report. We then pass it to the licensing team.</p>
        <p><button type="button" onClick={confirm} disabled={busy}>{busy ? 'Confirming…' : 'Confirm my report'}</button></p>
      </section>
    )
  }
  return (
    <section class="report">
      <div class="panel-confirmation" role="status">
        <h1>{result.alreadyConfirmed ? 'Your report is already confirmed' : 'Report confirmed'}</h1>
        <p>Your reference is <strong>{result.reference}</strong></p>
      </div>
      <p>Thank you. Your report is with the City's licensing team. They look at every report, and we will email you when there is news.</p>
      <p><a href={result.caseLink}>Follow your report</a>: this page shows each update. We have emailed you the link too.</p>
    </section>
  )
}
