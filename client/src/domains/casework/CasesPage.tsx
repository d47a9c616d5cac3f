// Licensing cases (applications and reviews) with where each stands and its next deadline, all
// from the statutory clock on the server. Officers, the police and responsible authorities see
// every case; a venue manager its own premises' cases.
import { useState } from 'preact/hooks'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { usePageTitle } from '../../components/title.ts'
import { CASE_STAGES, type CaseStage } from '../../../../shared/schemas/cases.ts'
import { CASE_KIND_LABELS, STAGE_LABELS } from '../../../../shared/casework/cases.ts'
import { casesApi, type LicensingCase } from './casesApi.ts'
import { formatLocal } from './tensApi.ts'
import './casework.css'

/** The first deadline still to come, the one the case is working towards. */
export function nextDeadline (c: LicensingCase) {
  return c.deadlines.find(d => !d.passed)
}

export default function CasesPage () {
  usePageTitle('Licensing cases')
  const [stage, setStage] = useState<CaseStage | ''>('')
  const list = useLoad(signal => casesApi.list({ stage: stage || undefined, limit: 200 }, signal), [stage])
  return (
    <section>
      <h1>Licensing cases</h1>
      <div class="filters">
        <label for="case-stage">Stage</label>
        <select id="case-stage" value={stage} onChange={e => setStage(e.currentTarget.value as CaseStage | '')}>
          <option value="">Every stage</option>
          {CASE_STAGES.map(s => <option key={s} value={s}>{STAGE_LABELS[s]}</option>)}
        </select>
      </div>
      {list.loading && !list.data && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && (list.data.items.length === 0
        ? <p class="muted">No cases at this stage.</p>
        : (
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Licensing cases">
            <table class="table">
              <caption class="visually-hidden">Licensing cases</caption>
              <thead><tr><th scope="col">Case</th><th scope="col">Premises</th><th scope="col">Stage</th><th scope="col">Next deadline</th></tr></thead>
              <tbody>{list.data.items.map(c => {
                const next = nextDeadline(c)
                return (
                  <tr key={c.id}>
                    <td><a href={`/cases/${c.id}`}>{c.title}</a><br /><span class="muted">{CASE_KIND_LABELS[c.kind]} {c.id}</span></td>
                    <td>{c.premisesName}</td>
                    <td data-testid="case-stage">{STAGE_LABELS[c.stage]}</td>
                    <td>{next ? `${next.label}: ${formatLocal(next.date)}` : '–'}</td>
                  </tr>
                )
              })}</tbody>
            </table>
          </div>
          ))}
    </section>
  )
}
