import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { useSession } from '../session.tsx'
import { ApiError } from '../api/client.ts'

export default function Login () {
  const { login } = useSession()
  const location = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit (event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const user = await login(email, password)
      const next = new URLSearchParams(location.url.split('?')[1] ?? '').get('next')
      location.route(next && next.startsWith('/') && !next.startsWith('/login') ? next : '/today')
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Login failed')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="login card">
      <h1>Log in to Nightsafe</h1>
      <p class="muted">For licensing officers, police and venue managers. The public register is open to everyone: <a href="/register">search licensed premises</a>.</p>
      <form onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required value={email} onInput={e => setEmail(e.currentTarget.value)} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onInput={e => setPassword(e.currentTarget.value)} />
        {error && <p id="login-error" class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
      </form>
      <p><a href="/forgot-password">Forgot your password?</a></p>
      <details class="demo-hint">
        <summary>Trying the demo?</summary>
        <p>Demo accounts (password <code>nightsafe-demo</code>): admin@example.org, officer@example.org, police@example.org, manager@example.org.</p>
      </details>
    </section>
  )
}
