// Beside the officer's assessment: the venue's incident trend (last 12 months against the year
// before) and its open flags, which the Outcomes criteria draw on. Missing endpoints show a note.
import { api, ApiError } from '../../api/client.ts'
import { Loading, useLoad } from '../../components/ui.tsx'
import { plural } from '../../../../shared/plural.ts'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const optional = <T,>(promise: Promise<T>) => promise.catch(error => { if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null; throw error })

export function VenueContext ({ premisesId }: { premisesId: number }) {
  const trend = useLoad(signal => optional(api('/api/incidents/trend', { query: { premisesId }, signal })), [premisesId])
  const flags = useLoad(signal => optional(api('/api/flags', { query: { premisesId, status: 'open' }, signal })), [premisesId])
  const t = trend.data
  const recent = t ? sum(t.totals.counts) : 0
  const before = t ? sum(t.totals.previousYear) : 0
  return (
    <aside class="card" aria-labelledby="st-context">
      <h3 id="st-context">Incidents and flags at this venue</h3>
      {trend.loading && <Loading label="Loading the incident trend…" />}
      {!trend.loading && !t && <p class="muted">The incident trend is not available.</p>}
      {t && (
        <p data-testid="st-trend">
          {plural(recent, 'recorded incident')} in the last {plural(t.months.length, 'month')}, against {before} in the same months a year earlier
          {' '}<strong class={recent > before ? 'warning' : 'success'}>({recent > before ? 'rising' : 'not rising'})</strong>.
          {t.series.length > 0 && <span class="muted"> Most frequent: {[...t.series].sort((a, b) => sum(b.counts) - sum(a.counts)).slice(0, 3).map(s => `${s.category} (${sum(s.counts)})`).join(', ')}.</span>}
        </p>
      )}
      {flags.loading && <Loading label="Loading flags…" />}
      {!flags.loading && !flags.data && <p class="muted">Flags are not available.</p>}
      {flags.data && (flags.data.items.length === 0
        ? <p>No open flags.</p>
        : <ul>{flags.data.items.map(f => <li key={f.id}><span class={`pill ${f.level}`}>{f.level}</span> {f.crimeGroup}: {f.explanation}</li>)}</ul>)}
      {(trend.error || flags.error) && <p class="muted">Some venue data could not be loaded.</p>}
    </aside>
  )
}
