// One premises for logged-in users: the licence, conditions, activities, hours and managers, an
// edit form (officers: everything; its venue manager: contact and operating fields), a link to
// its audit trail, and the tabs other domains add (incidents, plans, Safety Thirst, flags).
import { useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { api } from '../../api/client.ts'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { useSession } from '../../session.tsx'
import { premisesTabs } from '../premisesTabs.ts'
import type { PremisesDetail } from '../../../../shared/schemas/premises.ts'
import { PremisesFacts } from './PremisesFacts.tsx'
import { PremisesEditForm } from './PremisesEditForm.tsx'

export default function PremisesPage () {
  const { params } = useRoute()
  const id = Number(params.id)
  const { user } = useSession()
  const [tab, setTab] = useState('register')
  const [fresh, setFresh] = useState<PremisesDetail | null>(null)
  const { data, error, loading } = useLoad(signal => api(`/api/premises/${id}`, { signal }), [id])
  if (!Number.isInteger(id) || id < 1) return <section><h1>Premises not found</h1></section>
  if (loading && !data) return <Loading />
  if (error) return <section><h1>Premises</h1><ErrorMessage error={error} /><p><a href="/premises">Back to the register</a></p></section>
  const p = fresh?.id === id ? fresh : data!
  const officer = user?.role === 'admin' || user?.role === 'licensing_officer'
  const canEdit = officer || (user?.role === 'venue_manager' && user.premisesIds.includes(id))
  const tabs = premisesTabs.filter(t => user && t.roles.includes(user.role))
  const all = [{ key: 'register', label: 'Licence' }, ...(canEdit ? [{ key: 'edit', label: 'Edit' }] : []), ...tabs]
  const Active = tabs.find(t => t.key === tab)?.component

  return (
    <section>
      <div class="page-head">
        <div>
          <h1>{p.name}{p.isDemo && <small class="muted"> (demo licence details)</small>}</h1>
          <p class="lead">{[p.address, p.postcode].filter(Boolean).join(', ')}</p>
        </div>
        {officer && <a class="button secondary small" href={`/audit?entity=premises&entityId=${p.id}`}>Audit</a>}
      </div>
      <div class="tabs" role="tablist">
        {all.map(t => <button key={t.key} role="tab" aria-selected={tab === t.key} onClick={() => setTab(t.key)}>{t.label}</button>)}
      </div>
      {tab === 'register' && (
        <div role="tabpanel">
          <PremisesFacts premises={p} />
          {(p.managers?.length || p.phone || p.email || p.website) && (
            <div class="grid-2">
              <section class="card"><h2>Contact</h2><dl class="facts">
                <dt>Phone</dt><dd>{p.phone ?? '—'}</dd><dt>Email</dt><dd>{p.email ?? '—'}</dd>
                <dt>Website</dt><dd>{p.website ? <a href={p.website} rel="noopener noreferrer">{p.website}</a> : '—'}</dd>
              </dl></section>
              <section class="card"><h2>Managers</h2>
                {p.managers?.length ? <ul>{p.managers.map(m => <li key={m.id}>{m.name} <small class="muted">{m.email}</small></li>)}</ul> : <p class="muted">No venue manager accounts linked.</p>}
              </section>
            </div>
          )}
          <p class="attribution">{p.source === 'fhrs' && 'Name, address and location from the FSA food hygiene rating data. Contains public sector information licensed under the Open Government Licence v3.0. '}{p.isDemo && 'Licence details are made up for the demo.'}</p>
        </div>
      )}
      {tab === 'edit' && canEdit && <div role="tabpanel"><PremisesEditForm premises={p} full={officer} onSaved={setFresh} /></div>}
      {Active && <div role="tabpanel"><Active premisesId={p.id} premises={p as unknown as { id: number; name: string }} /></div>}
    </section>
  )
}
