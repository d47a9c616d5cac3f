// Where: a venue picked from the public register (with what its licence allows), or a pin on
// the map with how sure the person is, or their phone's location. Suggestions for officers come
// from the pin and the time, so a resident need not know the venue's name.
import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Field } from '../../components/form.tsx'
import { MapView } from '../../map/MapView.tsx'
import type { Premises } from '../../../../shared/schemas/premises.ts'
import { Choice, Radios, problemFor, type StepProps } from './ReportSteps.tsx'
import { attachPin, type Pin } from './mapLayers.ts'
import { LicenceFacts } from './LicenceFacts.tsx'

export const ACCURACY_CHOICES = [
  { metres: 15, label: 'Exactly here' },
  { metres: 50, label: 'Within about 50 metres' },
  { metres: 150, label: 'Somewhere in this street (about 150 metres)' }
] as const

function VenueSearch ({ draft, set, problems }: StepProps) {
  const [q, setQ] = useState(draft.premisesName)
  const [results, setResults] = useState<Premises[] | null>(null)
  const [searching, setSearching] = useState(false)
  async function search (event: Event) {
    event.preventDefault()
    if (!q.trim()) return
    setSearching(true)
    try { setResults((await api('/api/public/premises', { query: { q: q.trim(), limit: 8 } })).items) } finally { setSearching(false) }
  }
  return (
    <div class="conditional">
      <Field id="venue-search" label="Name or street of the venue" error={problems.filter(p => p.field === 'premisesId').map(p => ({ ...p, field: 'venue-search' }))}>
        <div class="search-row">
          <input id="venue-search" type="search" value={q} onInput={e => setQ(e.currentTarget.value)} onKeyDown={e => { if (e.key === 'Enter') void search(e) }} />
          <button type="button" class="secondary" onClick={search} disabled={searching}>Search</button>
        </div>
      </Field>
      {results && results.length === 0 && <p>No licensed premises match “{q}”. Try part of the name, or put a pin on the map instead.</p>}
      {results && results.length > 0 && (
        <ul class="choice-list" aria-label="Venues found">
          {results.map(p => (
            <li key={p.id}>
              <button type="button" class={draft.premisesId === p.id ? '' : 'secondary'} aria-pressed={draft.premisesId === p.id} onClick={() => set({ premisesId: p.id, premisesName: p.name })}>
                {p.name}<small>{[p.address, p.postcode].filter(Boolean).join(', ')}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
      {draft.premisesId && <LicenceFacts premisesId={draft.premisesId} draft={draft} />}
    </div>
  )
}

function PinMap ({ draft, set, problems }: StepProps) {
  const pin = useRef<ReturnType<typeof attachPin> | null>(null)
  const [locating, setLocating] = useState<string | null>(null)
  useEffect(() => { pin.current?.setAccuracy(draft.accuracyM) }, [draft.accuracyM])
  function useMyLocation () {
    if (!navigator.geolocation) { setLocating('This browser cannot tell your location; tap the map instead.'); return }
    setLocating('Finding your location…')
    navigator.geolocation.getCurrentPosition(position => {
      const here: Pin = { lat: Math.round(position.coords.latitude * 1e6) / 1e6, lng: Math.round(position.coords.longitude * 1e6) / 1e6 }
      const accuracyM = Math.min(1000, Math.max(10, Math.round(position.coords.accuracy)))
      pin.current?.moveTo(here)
      set({ pin: here, accuracyM })
      setLocating(`Pin placed at your location (within about ${accuracyM} metres). Move it by tapping the map.`)
    }, () => setLocating('Your location is not available; tap the map where it happens.'), { enableHighAccuracy: true, timeout: 15000 })
  }
  const error = problemFor(problems, 'pin', 'location', 'location.lat', 'location.lng')
  return (
    <div class={`conditional ${error ? 'field has-error' : ''}`}>
      <p id="pin-hint">Tap the map where the noise or trouble comes from.</p>
      {error && <p class="error" role="alert">{error}</p>}
      <p><button type="button" id="use-location" class="secondary" onClick={useMyLocation}>Use my location</button></p>
      {locating && <p role="status">{locating}</p>}
      <MapView class="pin-map" label="Map: tap to put the pin where it happens" onReady={map => {
        pin.current = attachPin(map, p => set({ pin: p }), draft.pin, draft.accuracyM)
        if (draft.pin) map.setView([draft.pin.lat, draft.pin.lng], 17)
        return () => pin.current?.remove()
      }} />
      {draft.pin && <p class="muted" role="status">Pin placed.</p>}
      <fieldset class="radios">
        <legend>How sure are you of the place?</legend>
        {ACCURACY_CHOICES.map(c => (
          <Choice key={c.metres} id={`accuracy-${c.metres}`} name="accuracy" checked={draft.accuracyM === c.metres} onChange={() => set({ accuracyM: c.metres })} label={c.label} />
        ))}
      </fieldset>
      <Field id="location-text" label="Describe the place (optional)" hint="For example: the doorway of 12 Example Street, or the alley behind the bar" error={problems}>
        <input id="location-text" maxLength={300} value={draft.locationText} onInput={e => set({ locationText: e.currentTarget.value })} />
      </Field>
    </div>
  )
}

export function WhereStep (props: StepProps) {
  const { draft, set, problems } = props
  return (
    <Radios legend="Where does it happen?" error={problemFor(problems, 'where')}>
      <Choice id="where-venue" name="where" checked={draft.where === 'venue'} onChange={() => set({ where: 'venue' })} label="At or outside a venue I can name" />
      {draft.where === 'venue' && <VenueSearch {...props} />}
      <Choice id="where-pin" name="where" checked={draft.where === 'pin'} onChange={() => set({ where: 'pin' })} label="I will show you on a map" hint="Use this if you do not know which venue it is" />
      {draft.where === 'pin' && <PinMap {...props} />}
    </Radios>
  )
}
