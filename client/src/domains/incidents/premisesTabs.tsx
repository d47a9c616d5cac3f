// The premises page's Incidents tab: linked, nearby (proximate) and ambiguous incidents listed
// separately, and the venue's monthly trend with a year earlier.
import type { PremisesTab, PremisesTabProps } from '../premisesTabs.ts'
import { api } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { ALL_ROLES } from '../../../../shared/roles.ts'
import type { Incident, Trend } from '../../../../shared/schemas/incidents.ts'
import { IncidentTable } from './IncidentTable.tsx'
import { TrendChart } from './TrendChart.tsx'
import { radiusText, type RadiusSettings } from './format.ts'

const GROUPS = [
  { attribution: 'linked', title: 'Recorded against this venue' },
  { attribution: 'proximate', title: 'Nearby (no other venue as close)' },
  { attribution: 'ambiguous', title: 'Near this and other venues (not counted)' }
] as const

function Group ({ premisesId, attribution, title }: { premisesId: number; attribution: string; title: string }) {
  const { data, error, loading } = useLoad(signal => api('/api/incidents', { signal, query: { premisesId, attribution, limit: 50 } }), [premisesId, attribution])
  return (
    <section data-testid={`incidents-${attribution}`}>
      <h3>{title}{data ? ` (${data.total})` : ''}</h3>
      <ErrorMessage error={error} />
      {loading && !data && <Loading />}
      {data && data.total === 0 && <Empty>None.</Empty>}
      {data && data.total > 0 && <IncidentTable items={data.items} showPremises={false} />}
      {data && data.total > data.items.length && <p class="muted">Showing the latest {data.items.length}. <a href={`/incidents?premisesId=${premisesId}`}>See all</a></p>}
    </section>
  )
}

function IncidentsTab ({ premisesId }: PremisesTabProps) {
  const settings = useLoad(signal => api('/api/incidents/settings', { signal }), [])
  const trend = useLoad(signal => api('/api/incidents/trend', { signal, query: { premisesId } }), [premisesId])
  return (
    <div>
      <p class="muted">{radiusText(settings.data)}</p>
      <ErrorMessage error={trend.error} />
      {trend.data && <TrendChart trend={trend.data} title="Incidents at or near this venue per month" />}
      {GROUPS.map(g => <Group key={g.attribution} premisesId={premisesId} attribution={g.attribution} title={g.title} />)}
    </div>
  )
}

export const incidentsPremisesTabs: PremisesTab[] = [
  { key: 'incidents', label: 'Incidents', roles: ALL_ROLES, order: 10, component: IncidentsTab }
]
