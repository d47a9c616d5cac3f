// The hottest cells as a list of buttons: the way to choose a cell from the keyboard (or a screen
// reader), which the map's shapes cannot offer. Choosing one opens its panel as a click would.
import { BIN_LABELS } from '../../../../shared/schemas/hotspots.ts'
import { plural } from '../../../../shared/plural.ts'
import type { CellFeature } from './mapLayers.ts'
import { topCells } from './cells.ts'
import type { View } from './state.ts'

export function TopCells ({ features, view, selected, onSelect }: { features: CellFeature[]; view: View; selected: string | null; onSelect: (cell: CellFeature) => void }) {
  const cells = topCells(features)
  return (
    <>
      <h2 id="top-cells-title">{view === 'change' ? 'Cells that rose most' : 'Hottest cells'}</h2>
      {cells.length === 0
        ? <p class="muted">No cell stands out for these filters.</p>
        : (
          <ul class="top-cells" aria-labelledby="top-cells-title" data-testid="top-cells">
            {cells.map(cell => (
              <li key={cell.properties.id}>
                <button type="button" class="link" aria-pressed={selected === cell.properties.id} onClick={() => onSelect(cell)}>
                  Cell {cell.properties.id}: {plural(cell.properties.count, 'incident')}{view === 'change' ? '' : `, ${BIN_LABELS[cell.properties.bin]?.toLowerCase() ?? ''}`}
                </button>
              </li>
            ))}
          </ul>
          )}
    </>
  )
}
