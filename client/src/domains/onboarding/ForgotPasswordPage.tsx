// "Forgot your password?": asks for the email and always gives the same answer, whether or not
// an account uses it (the server says the same, so the page cannot tell anyone either).
import { useState } from 'preact/hooks'
import { Field, Form } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { onboardingApi } from './onboardingApi.ts'

export default function ForgotPasswordPage () {
  const [email, setEmail] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<string | null>(null)
  usePageTitle(answer ? 'Check your email' : 'Forgot your password?')

  async function submit () {
    if (!email.trim()) { setError([{ field: 'email', message: 'Enter the email address you log in with' }]); return }
    setBusy(true)
    setError(null)
    try { setAnswer((await onboardingApi.forgotPassword(email.trim())).message) } catch (e) { setError(e) } finally { setBusy(false) }
  }

  if (answer) {
    return (
      <section class="login card">
        <h1>Check your email</h1>
        <p role="status">{answer}</p>
        <p>If nothing arrives within a few minutes, look in your spam or junk folder, or ask your Nightsafe administrator.</p>
        <p><a href="/login">Back to log in</a></p>
      </section>
    )
  }
  return (
    <section class="login card">
      <h1>Forgot your password?</h1>
      <p>Enter the email address you log in with. We will email you a link to choose a new password.</p>
      <Form onSubmit={submit} error={error} dirty={Boolean(email.trim())}>
        <Field id="email" label="Email address" error={error}>
          <input id="email" name="email" type="email" autoComplete="username" spellcheck={false} value={email} onInput={e => setEmail(e.currentTarget.value)} />
        </Field>
        <div><button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Email me a link'}</button></div>
      </Form>
      <p><a href="/login">Back to log in</a></p>
    </section>
  )
}
