// A Temporary Event Notice picked on the hotspot map: when, how many, the kind, the deadline to
// object, and the way to the notice (where the police object).
import { formatLocal, TEN_STATUS_LABELS, type Ten } from './tensApi.ts'
import { plural } from '../../../../shared/plural.ts'

export function TenPanel ({ ten, onClose }: { ten: Ten; onClose: () => void }) {
  return (
    <section class="card" aria-labelledby="ten-panel-title" data-testid="ten-panel" style={{ marginTop: '1rem' }}>
      <div class="page-head">
        <h2 id="ten-panel-title" style={{ margin: 0 }}>Temporary event: {ten.premisesName}</h2>
        <button class="small secondary" onClick={onClose}>Close</button>
      </div>
      <p>{formatLocal(ten.startsAt)} to {formatLocal(ten.endsAt)} · {plural(ten.maxPeople, 'person', 'people')} · {ten.kind === 'late' ? 'late notice' : 'standard notice'} · {TEN_STATUS_LABELS[ten.status]}</p>
      <p>{ten.objectionPeriodOpen ? <>Objections close at the end of {formatLocal(ten.objectionDeadline)}.</> : 'The time to object has passed.'}</p>
      <p><a class="button small" href={`/tens/${ten.id}`}>{ten.objectionPeriodOpen ? 'Open the notice to object' : 'Open the notice'}</a></p>
    </section>
  )
}
