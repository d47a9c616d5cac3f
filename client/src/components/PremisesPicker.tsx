// Choosing a premises by what people know it by: type part of its name, address, postcode,
// licence number or holder (the register's folded search: "hoop and grapes" finds "The Hoop &
// Grapes"), then pick it from the matches shown under the box. No one should need a number.
import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/client.ts'
import { plural } from '../../../shared/plural.ts'

export interface PickedPremises { id: number; name: string; address?: string | null }

interface Props {
  id: string
  value: PickedPremises | null
  onChange: (premises: PickedPremises | null) => void
  /** Ids of the hint and error beside the box, if any (a Field adds them only to native controls). */
  describedBy?: string
  invalid?: boolean
}

export function PremisesPicker ({ id, value, onChange, describedBy, invalid }: Props) {
  const [text, setText] = useState(value?.name ?? '')
  const [matches, setMatches] = useState<PickedPremises[] | null>(null)
  const [total, setTotal] = useState(0)
  useEffect(() => { setText(value?.name ?? '') }, [value?.id])
  useEffect(() => {
    const q = text.trim()
    if (q.length < 2 || q === value?.name) { setMatches(null); return }
    const controller = new AbortController()
    api('/api/premises', { signal: controller.signal, query: { q, limit: 8 } })
      .then(res => { setMatches(res.items.map(p => ({ id: p.id, name: p.name, address: p.address }))); setTotal(res.total) })
      .catch(() => {})
    return () => controller.abort()
  }, [text])
  const listId = `${id}-matches`
  return (
    <div class="premises-picker">
      <div class="actions">
        <input id={id} type="search" autocomplete="off" value={text} aria-describedby={[describedBy, `${id}-status`].filter(Boolean).join(' ')}
          aria-invalid={invalid || undefined} aria-controls={!value && matches?.length ? listId : undefined}
          onInput={e => { setText(e.currentTarget.value); if (value) onChange(null) }} />
        {value && <button type="button" class="secondary" onClick={() => { onChange(null); setText('') }}>Clear<span class="visually-hidden"> the premises</span></button>}
      </div>
      <p id={`${id}-status`} class="muted" role="status">
        {value ? `Chosen: ${value.name}${value.address ? `, ${value.address}` : ''}` : matches ? (matches.length ? `${plural(total, 'match', 'matches')}${total > matches.length ? `, the first ${matches.length} shown` : ''}: choose one below` : 'No premises match: try part of the name, street or postcode') : ''}
      </p>
      {!value && matches && matches.length > 0 && (
        <ul id={listId} class="picker-matches" aria-label="Matching premises">
          {matches.map(p => (
            <li key={p.id}><button type="button" class="link-button" onClick={() => { onChange(p); setMatches(null) }}>{p.name}<span class="muted">{p.address ? ` · ${p.address}` : ''}</span></button></li>
          ))}
        </ul>
      )}
    </div>
  )
}
