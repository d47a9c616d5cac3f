// All licence applications the user may see (a venue manager: its own premises), by status.
import { useState } from 'preact/hooks'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { LICENCE_APPLICATION_STATUSES, type LicenceApplicationStatus } from '../../../../shared/schemas/plans.ts'
import { STATUS_LABELS, plansApi } from './plansApi.ts'
import { LicenceApplicationsList } from './LicenceApplicationsList.tsx'
import './plans.css'

export default function LicenceApplicationsPage () {
  const [status, setStatus] = useState<LicenceApplicationStatus | ''>('')
  const list = useLoad(signal => plansApi.applications({ status: status || undefined }, signal), [status])
  return (
    <section>
      <h1>Licence applications</h1>
      <p class="muted">Start a new application from the plans tab of a premises: it needs a current noise management plan and dispersal policy.</p>
      <div class="filters">
        <label>Status
          <select value={status} onChange={e => setStatus((e.target as HTMLSelectElement).value as LicenceApplicationStatus | '')}>
            <option value="">All</option>
            {LICENCE_APPLICATION_STATUSES.map(s => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
      </div>
      {list.loading && !list.data && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && <LicenceApplicationsList items={list.data.items} showPremises />}
    </section>
  )
}
