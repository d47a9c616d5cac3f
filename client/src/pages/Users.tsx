import { useState } from 'preact/hooks'
import { api, ApiError } from '../api/client.ts'
import { ErrorMessage, Loading, useLoad } from '../components/ui.tsx'
import { Field } from '../components/form.tsx'
import { AUTHORITY_ORGANISATIONS, ORGANISATION_LABELS, ROLES, ROLE_LABELS, organisationLabel, type Role } from '../../../shared/roles.ts'
import type { User } from '../../../shared/schemas/auth.ts'
import { TableScroll } from '../components/table.tsx'

export default function Users () {
  const { data, error, loading, reload } = useLoad(signal => api('/api/users', { signal }), [])
  const [form, setForm] = useState({ email: '', name: '', role: 'licensing_officer' as Role, organisation: AUTHORITY_ORGANISATIONS[0], password: '', premisesIds: '' })
  const [saveError, setSaveError] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  async function create (event: Event) {
    event.preventDefault()
    setSaveError(null)
    try {
      const premisesIds = form.premisesIds.split(',').map(s => s.trim()).filter(Boolean).map(Number)
      const user = await api('/api/users', { body: { email: form.email, name: form.name, role: form.role, password: form.password, ...(premisesIds.length ? { premisesIds } : {}), ...(form.role === 'responsible_authority' ? { organisation: form.organisation } : {}) } })
      setSaved(`Created ${user.email}`)
      setForm({ ...form, email: '', name: '', password: '', premisesIds: '' })
      reload()
    } catch (e) { setSaveError(e as ApiError) }
  }
  async function toggle (user: User) {
    await api(`/api/users/${user.id}`, { method: 'PATCH', body: { active: !user.active } }).catch(e => setSaveError(e))
    reload()
  }

  return (
    <section>
      <h1>Users</h1>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && (
        <TableScroll><table class="table">
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Premises</th><th scope="col">Status</th></tr></thead>
          <tbody>{data.items.map(u => (
            <tr key={u.id}>
              <td>{u.name}</td><td>{u.email}</td><td>{ROLE_LABELS[u.role]}{u.organisation ? ` (${organisationLabel(u.organisation)})` : ''}</td>
              <td>{u.premisesIds.map(id => <a key={id} href={`/premises/${id}`}>#{id} </a>)}</td>
              <td><button class="link" onClick={() => toggle(u)}>{u.active ? 'Active: deactivate' : 'Inactive: reactivate'}</button></td>
            </tr>
          ))}</tbody>
        </table></TableScroll>
      )}
      <h2>Add a user</h2>
      <p>Better: <a href="/admin/invite">invite them by email</a>, so they choose their own password.</p>
      <form class="card form" onSubmit={create}>
        <Field id="email" label="Email" error={saveError}><input id="email" type="email" required value={form.email} onInput={e => setForm({ ...form, email: e.currentTarget.value })} /></Field>
        <Field id="name" label="Name" error={saveError}><input id="name" required value={form.name} onInput={e => setForm({ ...form, name: e.currentTarget.value })} /></Field>
        <Field id="role" label="Role" error={saveError}>
          <select id="role" value={form.role} onChange={e => setForm({ ...form, role: e.currentTarget.value as Role })}>
            {ROLES.map(r => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </Field>
        {form.role === 'responsible_authority' && (
          <Field id="organisation" label="Organisation" error={saveError}>
            <select id="organisation" value={form.organisation} onChange={e => setForm({ ...form, organisation: e.currentTarget.value as typeof form.organisation })}>
              {AUTHORITY_ORGANISATIONS.map(o => <option key={o} value={o}>{ORGANISATION_LABELS[o]}</option>)}
            </select>
          </Field>
        )}
        {form.role === 'venue_manager' && (
          <Field id="premisesIds" label="Premises managed (ids, comma-separated)" error={saveError}><input id="premisesIds" value={form.premisesIds} onInput={e => setForm({ ...form, premisesIds: e.currentTarget.value })} /></Field>
        )}
        <Field id="password" label="Initial password (12 characters or more)" error={saveError}><input id="password" type="password" minLength={12} required value={form.password} onInput={e => setForm({ ...form, password: e.currentTarget.value })} /></Field>
        {saveError && !saveError.field && <ErrorMessage error={saveError} />}
        {saved && <p class="success" role="status">{saved}</p>}
        <button type="submit">Create user</button>
      </form>
    </section>
  )
}
