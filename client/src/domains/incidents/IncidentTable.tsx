// A table of incidents (used by the list and the premises tab). With onChange/onDelete, rows the
// user may still change or delete (the server says which, and until when) get those actions.
import type { Incident } from '../../../../shared/schemas/incidents.ts'
import { ATTRIBUTION_LABELS, SOURCE_LABELS, categoryLabel, untilText, when, where } from './format.ts'
import { TableScroll } from '../../components/table.tsx'

interface Props {
  items: Incident[]
  showPremises?: boolean
  onChange?: (incident: Incident) => void
  onDelete?: (incident: Incident) => void
}

export function IncidentTable ({ items, showPremises = true, onChange, onDelete }: Props) {
  const actions = Boolean(onChange || onDelete) && items.some(i => (onChange && i.editable) || (onDelete && i.deletable))
  return (
    <TableScroll><table class="table" data-testid="incident-table">
      <thead><tr>
        <th scope="col">When</th><th scope="col">Category</th><th scope="col">Where</th>
        {showPremises && <th scope="col">Premises</th>}<th scope="col">Source</th><th scope="col">Outcome / description</th>
        {actions && <th scope="col">Actions</th>}
      </tr></thead>
      <tbody>{items.map(i => (
        <tr key={i.id}>
          <td>{when(i)}</td>
          <td>{categoryLabel(i.category)}</td>
          <td>{where(i)}</td>
          {showPremises && <td>{i.premisesId ? <a href={`/premises/${i.premisesId}`}>{i.premisesName ?? `#${i.premisesId}`}</a> : null} <small class="muted">{ATTRIBUTION_LABELS[i.attribution]}</small></td>}
          <td>{SOURCE_LABELS[i.source] ?? i.source}</td>
          <td>{i.outcome ?? ''}{i.outcome && i.description ? ' · ' : ''}{i.description ?? ''}{i.policeOnlyNotes ? <><br /><small class="warning">Police only: {i.policeOnlyNotes}</small></> : null}</td>
          {actions && (
            <td><div class="row-actions">
              {onChange && i.editable && <button type="button" class="secondary" onClick={() => onChange(i)}>Change<span class="visually-hidden"> the {categoryLabel(i.category).toLowerCase()} of {when(i)}</span></button>}
              {onDelete && i.deletable && <button type="button" class="secondary" onClick={() => onDelete(i)}>Delete<span class="visually-hidden"> the {categoryLabel(i.category).toLowerCase()} of {when(i)}</span></button>}
              {i.changeableUntil && <small class="muted">{untilText(i.changeableUntil, onChange && i.editable ? 'change or delete' : 'delete')}</small>}
            </div></td>
          )}
        </tr>
      ))}</tbody>
    </table></TableScroll>
  )
}
