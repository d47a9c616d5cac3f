// The side panel's filters: presets, view, dates, categories, nights and hours, cell size,
// counts or harm, and the density layer with its bandwidth slider. Changes apply at once.
import { Field } from '../../components/form.tsx'
import { INCIDENT_CATEGORIES } from '../../../../shared/incident-categories.ts'
import type { MapState, Preset } from './state.ts'

const DAYS: [string, string][] = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']]
const HOURS: [string, string][] = [['', 'All hours'], ['22-04', '22:00–04:00'], ['18-06', '18:00–06:00'], ['23-03', '23:00–03:00'], ['0-6', '00:00–06:00']]

const toggle = (list: string[], value: string) => list.includes(value) ? list.filter(v => v !== value) : [...list, value]

export function FilterPanel ({ state, onChange, presets, error }: { state: MapState; onChange: (s: MapState) => void; presets: Preset[]; error: unknown }) {
  const set = (patch: Partial<MapState>) => onChange({ ...state, ...patch })
  return (
    <div class="hotspot-filters">
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend><strong>Presets</strong></legend>
        <div style={{ display: 'grid', gap: '.35rem', marginTop: '.3rem' }}>
          {presets.map(p => (
            <div key={p.key}>
              <button type="button" class="small secondary" style={{ textAlign: 'left' }} aria-describedby={`preset-${p.key}`} onClick={() => onChange(p.apply(state))}>{p.label}</button>
              <div id={`preset-${p.key}`} class="muted" style={{ fontSize: '.8rem' }}>{p.note}</div>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset style={{ border: 0, padding: 0, margin: '1rem 0 0' }}>
        <legend><strong>Show</strong></legend>
        <label style={{ fontWeight: 400, margin: '.2rem 0' }}><input type="radio" name="view" checked={state.view === 'hotspots'} onChange={() => set({ view: 'hotspots' })} /> Hot and cold spots</label>
        <label style={{ fontWeight: 400, margin: '.2rem 0' }}><input type="radio" name="view" checked={state.view === 'change'} onChange={() => set({ view: 'change' })} /> Change against a year earlier</label>
      </fieldset>

      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '.5rem' }}>
        <Field id="from" label="From" error={error}><input id="from" type="date" style={{ width: '100%' }} value={state.from} required onChange={e => set({ from: (e.target as HTMLInputElement).value })} /></Field>
        <Field id="to" label="To" error={error}><input id="to" type="date" style={{ width: '100%' }} value={state.to} required onChange={e => set({ to: (e.target as HTMLInputElement).value })} /></Field>
      </div>

      <fieldset style={{ border: 0, padding: 0, margin: '.6rem 0 0' }}>
        <legend><strong>Nights</strong> <span class="muted">(none ticked: every day)</span></legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.1rem .6rem' }}>
          {DAYS.map(([value, label]) => (
            <label key={value} style={{ fontWeight: 400, margin: 0 }}><input type="checkbox" checked={state.days.includes(value)} onChange={() => set({ days: toggle(state.days, value) })} /> {label}</label>
          ))}
        </div>
      </fieldset>

      <Field id="hours" label="Hours (local time)" error={error}>
        <select id="hours" value={state.hours} onChange={e => set({ hours: (e.target as HTMLSelectElement).value })}>
          {HOURS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          {state.hours && !HOURS.some(([v]) => v === state.hours) && <option value={state.hours}>{state.hours}</option>}
        </select>
      </Field>

      <details style={{ marginTop: '.6rem' }}>
        <summary>Categories ({state.categories.length ? state.categories.length + ' chosen' : 'all'})</summary>
        <button type="button" class="link" onClick={() => set({ categories: [] })}>All categories</button>
        {INCIDENT_CATEGORIES.map(c => (
          <label key={c.slug} style={{ fontWeight: 400, margin: '.1rem 0' }}><input type="checkbox" checked={state.categories.includes(c.slug)} onChange={() => set({ categories: toggle(state.categories, c.slug) })} /> {c.label}</label>
        ))}
      </details>

      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '.5rem' }}>
        <Field id="cell" label="Cell size" error={error}>
          <select id="cell" value={String(state.cell)} onChange={e => set({ cell: Number((e.target as HTMLSelectElement).value) })}>
            {[25, 50, 75, 100, 150, 200].map(size => <option key={size} value={size}>{size} m</option>)}
          </select>
        </Field>
        <Field id="weight" label="Measure" error={error}>
          <select id="weight" value={state.weight} disabled={state.view === 'change'} onChange={e => set({ weight: (e.target as HTMLSelectElement).value as MapState['weight'] })}>
            <option value="count">Counts</option>
            <option value="harm">Crime harm (CCHI)</option>
          </select>
        </Field>
      </div>

      <fieldset style={{ border: 0, padding: 0, margin: '.8rem 0 0' }}>
        <legend><strong>Density</strong></legend>
        <label style={{ fontWeight: 400 }}><input type="checkbox" checked={state.density} onChange={() => set({ density: !state.density })} /> Show the density layer</label>
        {state.density && (
          <>
            <label for="bandwidth" style={{ fontWeight: 400 }}>Bandwidth: {state.bandwidth ? `${state.bandwidth} m` : 'automatic'}</label>
            <input id="bandwidth" type="range" min={75} max={300} step={25} value={state.bandwidth ?? 150} style={{ width: '100%' }} onChange={e => set({ bandwidth: Number((e.target as HTMLInputElement).value) })} />
            {state.bandwidth && <button type="button" class="link" onClick={() => set({ bandwidth: null })}>Automatic bandwidth</button>}
          </>
        )}
      </fieldset>
    </div>
  )
}
