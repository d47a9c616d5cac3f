// The public register of premises licences (no login): search by name, street or postcode. It
// is live, and each entry shows its conditions (registers that omit them are criticised).
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, Pager, useLoad } from '../../components/ui.tsx'
import type { Premises } from '../../../../shared/schemas/premises.ts'
import { STATUS_LABELS, TIER_LABELS } from './labels.ts'

const PAGE = 50

const DATASETS = [
  { dataset: 'premises', title: 'Licensed premises', holds: 'Every premises on the register: licence number, name, address, type, status, licence holder, designated premises supervisor, licensable activities and hours, conditions, Safety Thirst tier and location.' },
  { dataset: 'applications', title: 'Applications and reviews', holds: 'Each application or review: its stage, the last date for representations and, once decided, the decision, its date, the conditions it added and the last day to appeal.' },
  { dataset: 'tens', title: 'Upcoming Temporary Event Notices', holds: 'Each notice for an event that has not yet ended: the premises, when the event starts and ends, how many people and which activities. Who gave the notice is not published.' }
] as const

function OpenDataDownloads () {
  return (
    <section class="open-data" aria-labelledby="open-data-heading">
      <h2 id="open-data-heading">Download the register (CSV, JSON)</h2>
      <p>The same live register as open data, made when you download it. You may copy, publish and adapt it under the <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>. No contact details or personal details are included.</p>
      <dl>
        {DATASETS.map(d => (
          <div key={d.dataset}>
            <dt>{d.title}: <a href={`/api/public/register.csv?dataset=${d.dataset}`} download>CSV<span class="visually-hidden"> of {d.title.toLowerCase()}</span></a>, <a href={`/api/public/register.json?dataset=${d.dataset}`} download>JSON<span class="visually-hidden"> of {d.title.toLowerCase()}</span></a></dt>
            <dd>{d.holds}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

export default function PublicRegister () {
  const initial = new URLSearchParams(location.search).get('q') ?? ''
  const [q, setQ] = useState(initial)
  const [search, setSearch] = useState(initial)
  const [offset, setOffset] = useState(0)
  const { data, error, loading } = useLoad(signal => api('/api/public/premises', { query: { q: search, limit: PAGE, offset }, signal }), [search, offset])
  return (
    <section>
      <h1>Public register of premises licences</h1>
      <p class="lead">Every licensed premises in the City of London under the Licensing Act 2003, with its licence holder, designated premises supervisor, licensable activities and conditions. Updated as soon as the licensing team records a change.</p>
      <form class="filters" role="search" onSubmit={e => { e.preventDefault(); setSearch(q.trim()); setOffset(0); history.replaceState(null, '', q.trim() ? `?q=${encodeURIComponent(q.trim())}` : location.pathname) }}>
        <label>Search the register <input type="search" value={q} onInput={e => setQ(e.currentTarget.value)} placeholder="Name, street or postcode" /></label>
        <button type="submit">Search</button>
      </form>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <Empty>No licensed premises match “{search}”. Try part of the name or the postcode.</Empty>}
      {data && data.items.length > 0 && (
        <>
          <p class="muted" aria-live="polite">{data.total} premises</p>
          <ul class="register-list">
            {data.items.map(p => (
              <li key={p.id} class="card">
                <h2><a href={`/register/${p.id}`}>{p.name}</a></h2>
                <p>{[p.address, p.postcode].filter(Boolean).join(', ')}</p>
                <p><span class={`pill ${p.status}`}>{STATUS_LABELS[p.status]}</span> Licence {p.licenceNumber ?? 'not recorded'}{p.safetyThirst && <> · Safety Thirst {TIER_LABELS[p.safetyThirst.tier] ?? p.safetyThirst.tier}</>}</p>
              </li>
            ))}
          </ul>
          <Pager offset={offset} pageSize={PAGE} total={data.total} onChange={setOffset} />
        </>
      )}
      <OpenDataDownloads />
      <p class="attribution">Premises names and locations include FSA food hygiene rating data: contains public sector information licensed under the Open Government Licence v3.0.</p>
    </section>
  )
}
