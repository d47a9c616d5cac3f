// The licence as the register shows it: holder, DPS, activities with days and times, opening
// hours and conditions by annex. Used by the officer page and the public register.
import type { PremisesDetail } from '../../../../shared/schemas/premises.ts'
import { DAYS } from '../../../../shared/schemas/premises.ts'
import { formatDate } from '../../components/ui.tsx'
import { ANNEX_LABELS, DAY_LABELS, STATUS_LABELS, TIER_LABELS, TYPE_LABELS, activityLabel } from './labels.ts'
import { TableScroll } from '../../components/table.tsx'
import { PointMap } from '../../map/PointMap.tsx'

const days = (list: string[]) => list.length === 7 ? 'Every day' : list.map(d => DAY_LABELS[d as keyof typeof DAY_LABELS]?.slice(0, 3) ?? d).join(', ')

export function PremisesFacts ({ premises: p }: { premises: PremisesDetail }) {
  const annexes = [1, 2, 3, 4].filter(a => p.conditions.some(c => c.annex === a))
  return (
    <div class="premises-facts">
      <div class="grid-2">
        <section class="card" aria-labelledby="licence-heading">
          <h2 id="licence-heading">Licence</h2>
          <dl class="facts">
            <dt>Licence number</dt><dd>{p.licenceNumber ?? '—'}</dd>
            <dt>Status</dt><dd><span class={`pill ${p.status}`}>{STATUS_LABELS[p.status]}</span></dd>
            <dt>Licence holder</dt><dd>{p.licenceHolder ?? '—'}</dd>
            <dt>DPS</dt><dd>{p.dpsName ?? '—'}</dd>
            <dt>Issued</dt><dd>{formatDate(p.licenceIssuedOn)}</dd>
            <dt>Type</dt><dd>{TYPE_LABELS[p.premisesType] ?? p.premisesType}</dd>
            <dt>Capacity</dt><dd data-testid="capacity">{p.capacity ?? 'Not set'}</dd>
            {/* Awards only: no award may mean never applied or still in progress, never "failed". */}
            {p.safetyThirst && <><dt>Safety Thirst</dt><dd data-testid="safety-thirst-award">{TIER_LABELS[p.safetyThirst.tier] ?? p.safetyThirst.tier} until {formatDate(p.safetyThirst.validUntil)} <a href="/safety-thirst/scheme">(what this means)</a></dd></>}
            <dt>Address</dt><dd data-testid="premises-address">{[p.address, p.postcode].filter(Boolean).join(', ') || 'Not recorded'}</dd>
          </dl>
          {p.location
            ? <PointMap lat={p.location.lat} lng={p.location.lng} label={p.name} />
            : <p class="muted">Not on the map yet: the address has not been placed.</p>}
        </section>
        <section class="card" aria-labelledby="hours-heading">
          <h2 id="hours-heading">Opening hours</h2>
          {Object.keys(p.openingHours).length === 0
            ? <p class="muted">No opening hours recorded.</p>
            : (
              <dl class="facts">
                {DAYS.map(d => [<dt key={d + 't'}>{DAY_LABELS[d]}</dt>, <dd key={d + 'd'}>{p.openingHours[d] ? `${p.openingHours[d]!.from}–${p.openingHours[d]!.to}` : 'Closed'}</dd>])}
              </dl>
              )}
        </section>
      </div>
      <h2>Licensable activities</h2>
      {p.licensableActivities.length === 0 && p.activities.length === 0 && <p class="muted">No licensable activities recorded.</p>}
      {p.licensableActivities.length > 0
        ? (
          <TableScroll><table class="table">
            <thead><tr><th scope="col">Activity</th><th scope="col">Days</th><th scope="col">Times</th></tr></thead>
            <tbody>{p.licensableActivities.map((a, i) => <tr key={i}><td>{activityLabel(a.activity)}</td><td>{days(a.days)}</td><td>{a.from}–{a.to}</td></tr>)}</tbody>
          </table></TableScroll>
          )
        : p.activities.length > 0 && <ul>{p.activities.map(a => <li key={a}>{activityLabel(a)}</li>)}</ul>}
      <h2>Conditions</h2>
      {annexes.length === 0 && <p class="muted">No conditions recorded.</p>}
      {annexes.map(a => (
        <section key={a} aria-label={ANNEX_LABELS[a]}>
          <h3>{ANNEX_LABELS[a]}</h3>
          <ol>{p.conditions.filter(c => c.annex === a).map((c, i) => <li key={i}>{c.text}</li>)}</ol>
        </section>
      ))}
    </div>
  )
}
