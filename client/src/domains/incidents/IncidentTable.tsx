// A table of incidents (used by the list and the premises tab).
import type { Incident } from '../../../../shared/schemas/incidents.ts'
import { ATTRIBUTION_LABELS, SOURCE_LABELS, categoryLabel, when } from './format.ts'
import { TableScroll } from '../../components/table.tsx'

export function IncidentTable ({ items, showPremises = true }: { items: Incident[]; showPremises?: boolean }) {
  return (
    <TableScroll><table class="table" data-testid="incident-table">
      <thead><tr>
        <th scope="col">When</th><th scope="col">Category</th><th scope="col">Where</th>
        {showPremises && <th scope="col">Premises</th>}<th scope="col">Source</th><th scope="col">Outcome / description</th>
      </tr></thead>
      <tbody>{items.map(i => (
        <tr key={i.id}>
          <td>{when(i)}</td>
          <td>{categoryLabel(i.category)}</td>
          <td>{i.locationText ?? (i.location ? `${i.location.lat.toFixed(5)}, ${i.location.lng.toFixed(5)}` : 'No location')}</td>
          {showPremises && <td>{i.premisesId ? <a href={`/premises/${i.premisesId}`}>{i.premisesName ?? `#${i.premisesId}`}</a> : null} <small class="muted">{ATTRIBUTION_LABELS[i.attribution]}</small></td>}
          <td>{SOURCE_LABELS[i.source] ?? i.source}</td>
          <td>{i.outcome ?? ''}{i.outcome && i.description ? ' · ' : ''}{i.description ?? ''}{i.policeOnlyNotes ? <><br /><small class="warning">Police only: {i.policeOnlyNotes}</small></> : null}</td>
        </tr>
      ))}</tbody>
    </table></TableScroll>
  )
}
