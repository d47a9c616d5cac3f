// Concerns about a premises, on its plans page: what, when and how each case stands, which plan
// it counts against, and how near the venue is to a review. Never who reported it or their words.
import { ErrorMessage, useLoad } from '../../components/ui.tsx'
import { CLOSE_REASON_LABELS, CONCERN_KIND_LABELS, CONCERN_STATUS_LABELS, type CloseReason } from '../../../../shared/schemas/concerns.ts'
import { concernsApi } from './concernsApi.ts'
import { TableScroll } from '../../components/table.tsx'
import { plural } from '../../../../shared/plural.ts'

const PLAN_LABELS = { noise_management_plan: 'Noise management plan', dispersal_policy: 'Dispersal policy' } as const

export function VenueConcerns ({ premisesId }: { premisesId: number }) {
  const { data, error } = useLoad(signal => concernsApi.forPremises(premisesId, signal), [premisesId])
  if (error) return <ErrorMessage error={error} />
  if (!data) return null
  return (
    <section aria-labelledby="venue-concerns-title" class="venue-concerns">
      <h3 id="venue-concerns-title">Residents' concerns</h3>
      <p>
        Substantiated in the last {plural(data.periodDays, 'day')}: noise management plan {data.substantiatedInPeriod.noise_management_plan} of {data.threshold},
        dispersal policy {data.substantiatedInPeriod.dispersal_policy} of {data.threshold}. At {data.threshold}, the plan is due for review.
      </p>
      {data.items.length === 0
        ? <p class="muted">No concerns have been reported about these premises.</p>
        : (
          <TableScroll label="Concerns about these premises">
            <table class="table">
              <caption class="visually-hidden">Concerns about these premises, newest first</caption>
              <thead><tr><th scope="col">Reference</th><th scope="col">What</th><th scope="col">When</th><th scope="col">Status</th><th scope="col">Counts against</th></tr></thead>
              <tbody>{data.items.map(c => (
                <tr key={c.reference}>
                  <td>{c.reference}</td>
                  <td>{CONCERN_KIND_LABELS[c.kind]}</td>
                  <td>{c.when}</td>
                  <td>{CONCERN_STATUS_LABELS[c.status]}{c.closeReason ? `: ${CLOSE_REASON_LABELS[c.closeReason as CloseReason].toLowerCase()}` : ''}{c.substantiated ? ' · substantiated' : ''}</td>
                  <td>{c.countsAgainst ? PLAN_LABELS[c.countsAgainst] : '—'}</td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
          )}
      <p class="muted">Reporters' names and words are never shown to the venue.</p>
    </section>
  )
}
