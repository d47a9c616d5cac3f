// The flags tab on the premises page: the venue's flags with their sentences and the traffic
// light. A venue manager sees only flags an officer has acknowledged (the server enforces it).
import { api } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import type { PremisesTabProps } from '../premisesTabs.ts'
import { TrafficLightBox } from '../visits/TrafficLightBox.tsx'
import { LevelBadge, STATUS_LABEL } from './labels.tsx'

export function FlagsTab ({ premisesId }: PremisesTabProps) {
  const list = useLoad(signal => api('/api/flags', { query: { premisesId }, signal }), [premisesId])
  return (
    <div>
      <TrafficLightBox premisesId={premisesId} />
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading /> : !list.data?.items.length ? <Empty>No flags for this venue.</Empty> : (
        <ul class="flag-list">{list.data.items.map(f => (
          <li key={f.id}><LevelBadge level={f.level} /> {STATUS_LABEL[f.status]} — <a href={`/flags/${f.id}`}>{f.explanation}</a></li>
        ))}</ul>
      )}
    </div>
  )
}
