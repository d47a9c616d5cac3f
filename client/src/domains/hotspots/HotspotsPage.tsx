// The police hotspot map: filters in a side panel beside (never over) the map, cells coloured
// by Gi* bin or by change against last year, the density layer, venues and flags on top, and the
// whole view in the URL so it can be shared.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { api, download } from '../../api/client.ts'
import { ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { MapView, type MapHandle } from '../../map/MapView.tsx'
import { CellPanel } from './CellPanel.tsx'
import { FilterPanel } from './FilterPanel.tsx'
import { Legend, Summary, type Meta } from './Legend.tsx'
import { drawCells, drawDensity, drawPremises, drawSelectedCell, onViewChange, type CellFeature, type Venue } from './mapLayers.ts'
import { cellAt, venuesInHotCells } from './cells.ts'
import { TopCells } from './TopCells.tsx'
import { apiQuery, presets, readState, writeState, type MapState } from './state.ts'
import { drawTens, upcomingTens } from '../casework/mapLayers.ts'
import { TenPanel } from '../casework/TenPanel.tsx'
import { formatLocal, type Ten } from '../casework/tensApi.ts'

const CITY_BBOX = '-0.1200,51.5030,-0.0680,51.5260'

export default function HotspotsPage () {
  const [state, setState] = useState<MapState>(() => readState(location.search))
  const [map, setMap] = useState<MapHandle | null>(null)
  const [selected, setSelected] = useState<CellFeature | null>(null)
  const [selectedTen, setSelectedTen] = useState<Ten | null>(null)
  const query = apiQuery(state)
  const filterKey = JSON.stringify([query, state.view])

  useEffect(() => { history.replaceState(history.state, '', `/hotspots?${writeState(state)}`) }, [state])

  const coverage = useLoad(signal => api('/api/hotspots/coverage', { signal }), [])
  const cells = useLoad(signal => api(state.view === 'change' ? '/api/hotspots/change' : '/api/hotspots', { query, signal }), [filterKey])
  const density = useLoad(signal => state.density
    ? api('/api/hotspots/density', { query: { ...query, bandwidth: state.bandwidth ?? undefined }, signal })
    : Promise.resolve(null), [filterKey, state.density, state.bandwidth])
  // The map's lean feed (what the map draws); a venue's full record is a click away on its page.
  const venues = useLoad(signal => api('/api/map/premises', { query: { bbox: CITY_BBOX }, signal })
    .then(r => r.features.filter(f => f.properties.s === 'current').map((f): Venue => ({ id: f.id, name: f.properties.n, location: { lng: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! } })))
    .catch(() => null), [])
  const tens = useLoad(signal => upcomingTens(signal).catch(() => []), [])
  const flags = useLoad(signal => api('/api/flags', { query: { status: 'open' }, signal }).then(r => r.items).catch(() => []), [])

  useEffect(() => { setSelected(null) }, [filterKey])
  useEffect(() => map && cells.data ? drawCells(map, cells.data.features, setSelected) : undefined, [map, cells.data])
  useEffect(() => map && density.data ? drawDensity(map, density.data) : undefined, [map, density.data])
  const flagged = useMemo(() => new Set((flags.data ?? []).map(f => f.premisesId)), [flags.data])
  // A venue's marker is drawn over its cell: clicking it also shows the cell it stands in.
  const features = cells.data?.features
  const selectVenueCell = (venue: Venue) => { const cell = venue.location && cellAt(features ?? [], venue.location.lat, venue.location.lng); if (cell) setSelected(cell) }
  useEffect(() => map && venues.data ? drawPremises(map, venues.data, flagged, selectVenueCell) : undefined, [map, venues.data, flagged, features])
  useEffect(() => map && selected ? drawSelectedCell(map, selected) : undefined, [map, selected])
  useEffect(() => map && tens.data ? drawTens(map, tens.data, setSelectedTen) : undefined, [map, tens.data])
  useEffect(() => map ? onViewChange(map, view => setState(s => ({ ...s, ...view }))) : undefined, [map])

  const hotVenues = useMemo(() => venuesInHotCells(cells.data?.features ?? [], venues.data ?? []), [cells.data, venues.data])
  const bins = cells.data?.features.map(f => f.properties.bin) ?? []
  const briefingHref = `/hotspots/briefing?${writeState({ ...state, view: 'hotspots', lat: undefined, lng: undefined, zoom: undefined })}`

  return (
    <section class="map-layout hotspots-page">
      <aside class="side-panel" aria-label="Hotspot filters and results">
        <h1>Hotspots</h1>
        <FilterPanel state={state} onChange={setState} presets={presets(coverage.data)} error={cells.error} />
        <hr />
        {cells.loading && <Loading label="Counting incidents…" />}
        <ErrorMessage error={cells.error} />
        {cells.data && <Summary view={state.view} meta={cells.data.meta} bins={bins} />}
        <Legend view={state.view} />
        {cells.data && <TopCells features={cells.data.features} view={state.view} selected={selected?.properties.id ?? null} onSelect={setSelected} />}
        {selected && <CellPanel cell={selected} query={query} onClose={() => setSelected(null)} />}
        {selectedTen && <TenPanel ten={selectedTen} onClose={() => setSelectedTen(null)} />}
        <h2>Upcoming temporary events</h2>
        {(tens.data ?? []).length === 0
          ? <p class="muted">No Temporary Event Notices in the next 60 days.</p>
          : <ul data-testid="upcoming-tens">{tens.data!.slice(0, 30).map(t => <li key={t.id}><a href={`/tens/${t.id}`}>{t.premisesName}</a>: {formatLocal(t.startsAt)}{t.kind === 'late' && <span class="pill red"> late</span>}</li>)}</ul>}
        <h2>Venues in hot cells</h2>
        {venues.data === null
          ? <p class="muted">The premises register is not available.</p>
          : hotVenues.length === 0
            ? <p class="muted">No licensed premises stand in a {state.view === 'change' ? 'cell that rose' : 'hot spot cell'}.</p>
            : <ul data-testid="hot-venues">{hotVenues.slice(0, 30).map(v => <li key={v.id}><a href={`/premises/${v.id}`}>{v.name}</a>{flagged.has(v.id) && <span class="pill red"> flagged</span>}</li>)}</ul>}
        <h2>Share and print</h2>
        <p><a class="button small" href={briefingHref}>Open the briefing</a></p>
        <p style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap' }}>
          <button type="button" class="small secondary" onClick={() => void download('/api/hotspots/export.csv', query, `hotspots_${state.from}_${state.to}.csv`)}>Export CSV</button>
          <button type="button" class="small secondary" onClick={() => void download('/api/hotspots/export.geojson', query, `hotspots_${state.from}_${state.to}.geojson`)}>Export GeoJSON</button>
        </p>
        <p class="muted" style={{ fontSize: '.8rem' }}>The address bar holds this view: copy it to share. Contains public sector information licensed under the Open Government Licence v3.0.</p>
      </aside>
      <MapView
        label="Hotspot map of the City of London"
        center={state.lat !== undefined && state.lng !== undefined ? [state.lat, state.lng] : undefined}
        zoom={state.zoom}
        onReady={m => { setMap(m); return () => setMap(null) }}
      />
    </section>
  )
}
