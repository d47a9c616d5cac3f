// The page behind an invitation link (/invitation) and a password reset link (/reset-password):
// choose a password, once. Nothing happens on opening the link, so a mail scanner that opens
// every link spends nothing; the token is spent when the person presses the button.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Field, Form } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { onboardingApi } from './onboardingApi.ts'

const WORDS = {
  invitation: { title: 'Choose your password', intro: 'Welcome to Nightsafe. Choose the password for your new account.', button: 'Set my password' },
  reset: { title: 'Choose a new password', intro: 'Choose a new password for your Nightsafe account.', button: 'Save my new password' }
} as const

export function SetPasswordPage ({ purpose }: { purpose: keyof typeof WORDS }) {
  const { query } = useLocation()
  const words = WORDS[purpose]
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  usePageTitle(done ? 'Password saved' : words.title)

  async function submit () {
    if (!query.token) { setError([{ message: 'This link is not complete: copy the whole link from the email into your browser' }]); return }
    if ([...password].length < 12) { setError([{ field: 'password', message: 'Choose a longer password: at least 12 characters' }]); return }
    setBusy(true)
    setError(null)
    try {
      const { email } = purpose === 'invitation' ? await onboardingApi.acceptInvitation(query.token, password) : await onboardingApi.resetPassword(query.token, password)
      setDone(email)
      setPassword('')
    } catch (e) { setError(e) } finally { setBusy(false) }
  }

  if (done) {
    return (
      <section class="login card">
        <div class="panel-confirmation" role="status"><h1>Password saved</h1></div>
        <p>You can now log in as <strong>{done}</strong> with the password you chose.</p>
        <p><a href={`/login`}>Log in</a></p>
      </section>
    )
  }
  return (
    <section class="login card">
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      <Form onSubmit={submit} error={error} dirty={Boolean(password)}>
        <Field id="password" label="New password" hint="At least 12 characters. A few words you will remember make a good password; a common password is refused." error={error}>
          <input id="password" name="password" type="password" autoComplete="new-password" value={password} onInput={e => setPassword(e.currentTarget.value)} />
        </Field>
        <div><button type="submit" disabled={busy}>{busy ? 'Saving…' : words.button}</button></div>
      </Form>
    </section>
  )
}

export const InvitationPage = () => <SetPasswordPage purpose="invitation" />
export const ResetPasswordPage = () => <SetPasswordPage purpose="reset" />
