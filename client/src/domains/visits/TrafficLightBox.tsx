// The premises' traffic light in one line (the flags pages and the premises page), linking to the
// traffic-light page with every reason. The scheme is the visits domain's record.
import { api } from '../../api/client.ts'
import { ErrorMessage, useLoad } from '../../components/ui.tsx'
import { TRAFFIC_LIGHT_LABELS, type TrafficLight } from '../../../../shared/schemas/traffic-light.ts'
import { plural } from '../../../../shared/plural.ts'

export function TrafficLightBox ({ premisesId }: { premisesId: number }) {
  const light = useLoad(signal => api(`/api/premises/${premisesId}/traffic-light`, { signal }), [premisesId])
  if (!light.data) return <ErrorMessage error={light.error} />
  const t = light.data
  return (
    <div class={`traffic-light light-${t.light}`} data-testid="traffic-light">
      <strong>Traffic light: {TRAFFIC_LIGHT_LABELS[t.light].toUpperCase()}</strong> — {plural(t.points, 'point')} ({t.penalty} penalty, {t.credit} credit) over the last year.
      {' '}Amber from {t.amberAt}, red from {t.redAt}. <a href={`/premises/${premisesId}/traffic-light`}>Why, and what earns credit</a>
    </div>
  )
}
