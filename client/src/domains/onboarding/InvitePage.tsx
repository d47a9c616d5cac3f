// An administrator invites a person by email: the account is made at once and the email's link
// (7 days, once) lets them choose their own password, so no password is ever passed on.
import { useState } from 'preact/hooks'
import { Field, Form } from '../../components/form.tsx'
import { AUTHORITY_ORGANISATIONS, ORGANISATION_LABELS, ROLES, ROLE_LABELS, type Role } from '../../../../shared/roles.ts'
import type { InvitationInput } from '../../../../shared/schemas/onboarding.ts'
import { onboardingApi } from './onboardingApi.ts'

const EMPTY = { email: '', name: '', role: 'venue_manager' as Role, organisation: AUTHORITY_ORGANISATIONS[0] as string, premisesIds: '' }

export default function InvitePage () {
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<string | null>(null)

  async function submit () {
    setSent(null)
    const premisesIds = form.premisesIds.split(',').map(s => s.trim()).filter(Boolean).map(Number)
    if (premisesIds.some(id => !Number.isInteger(id) || id < 1)) { setError([{ field: 'premisesIds', message: 'Enter premises numbers separated by commas, like 12, 40' }]); return }
    const body: InvitationInput = {
      email: form.email.trim(), name: form.name.trim(), role: form.role,
      ...(form.role === 'venue_manager' && premisesIds.length ? { premisesIds } : {}),
      ...(form.role === 'responsible_authority' ? { organisation: form.organisation as InvitationInput['organisation'] } : {})
    }
    setBusy(true)
    setError(null)
    try {
      const { user, expiresAt } = await onboardingApi.invite(body)
      setSent(`Invitation sent to ${user.email}. The link works until ${new Date(expiresAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}.`)
      setForm(EMPTY)
    } catch (e) { setError(e) } finally { setBusy(false) }
  }

  return (
    <section>
      <h1>Invite a user</h1>
      <p>We email the person a link to choose their own password. The link works once, for 7 days. <a href="/admin/users">All users</a></p>
      {sent && <p class="success" role="status">{sent}</p>}
      <Form class="card form" onSubmit={submit} error={error} dirty={Boolean(form.email.trim() || form.name.trim())}>
        <Field id="email" label="Email address" error={error}><input id="email" type="email" spellcheck={false} value={form.email} onInput={e => setForm({ ...form, email: e.currentTarget.value })} /></Field>
        <Field id="name" label="Name" error={error}><input id="name" value={form.name} onInput={e => setForm({ ...form, name: e.currentTarget.value })} /></Field>
        <Field id="role" label="Role" error={error}>
          <select id="role" value={form.role} onChange={e => setForm({ ...form, role: e.currentTarget.value as Role })}>
            {ROLES.map(r => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </Field>
        {form.role === 'responsible_authority' && (
          <Field id="organisation" label="Organisation" error={error}>
            <select id="organisation" value={form.organisation} onChange={e => setForm({ ...form, organisation: e.currentTarget.value })}>
              {AUTHORITY_ORGANISATIONS.map(o => <option key={o} value={o}>{ORGANISATION_LABELS[o]}</option>)}
            </select>
          </Field>
        )}
        {form.role === 'venue_manager' && (
          <Field id="premisesIds" label="Premises they manage" hint="The premises numbers from the register, separated by commas" error={error}>
            <input id="premisesIds" inputMode="numeric" value={form.premisesIds} onInput={e => setForm({ ...form, premisesIds: e.currentTarget.value })} />
          </Field>
        )}
        <div><button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send the invitation'}</button></div>
      </Form>
    </section>
  )
}
