// A table of licence applications (for one premises or all the user may see), with the plan
// versions each was submitted with and the representation period.
import { Empty, formatDate } from '../../components/ui.tsx'
import { PLAN_SLUGS } from '../../../../shared/plans/templates.ts'
import type { LicenceApplication } from './plansApi.ts'
import { StatusPill } from './PlanCard.tsx'
import { TableScroll } from '../../components/table.tsx'

export function LicenceApplicationsList ({ items, showPremises = false }: { items: LicenceApplication[]; showPremises?: boolean }) {
  if (!items.length) return <Empty>No licence applications yet.</Empty>
  const planLink = (a: LicenceApplication, kind: 'noise_management_plan' | 'dispersal_policy', version: number) =>
    <a href={`/plans/premises/${a.premisesId}/${PLAN_SLUGS[kind]}/${version}/print`}>v{version}</a>
  return (
    <TableScroll><table class="plain">
      <caption class="visually-hidden">Licence applications</caption>
      <thead><tr><th>Application</th>{showPremises && <th>Premises</th>}<th>Status</th><th>Representations close</th><th>Noise plan</th><th>Dispersal policy</th></tr></thead>
      <tbody>
        {items.map(a => (
          <tr key={a.id}>
            <td><a href={`/licence-applications/${a.id}`}>{a.kind === 'new' ? 'New licence' : 'Variation'} #{a.id}</a><br /><small class="muted">{a.applicantName}</small></td>
            {showPremises && <td>{a.premisesName}</td>}
            <td><StatusPill status={a.status} /></td>
            <td>{formatDate(a.representationPeriodEnds)}</td>
            <td>{planLink(a, 'noise_management_plan', a.noisePlan.version)}</td>
            <td>{planLink(a, 'dispersal_policy', a.dispersalPolicy.version)}</td>
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  )
}
