// What the licence of the chosen venue allows, from the public register: its opening hours and
// licensed music, and at the time the resident gives, whether the venue should be open and
// playing music then. People can then say "music after its licensed hours" with confidence.
import { api } from '../../api/client.ts'
import { useLoad } from '../../components/ui.tsx'
import { DAYS, type Day } from '../../../../shared/schemas/premises.ts'
import { DAY_LABELS, activityHours, coveringSpan, momentsOf, type Activity, type WeekHours } from '../../../../shared/concerns/trading.ts'
import { localTimeZone } from '../../settings.ts'
import { occurredAtOf, type Draft } from './draft.ts'


const ACTIVITY_WORDS: Record<string, string> = { recorded_music: 'recorded music', live_music: 'live music', late_night_refreshment: 'late night refreshment', sale_of_alcohol_on: 'alcohol' }
const dayRange = (days: Day[]) => days.length === 7 ? 'every day' : days.map(d => DAY_LABELS[d].slice(0, 3)).join(', ')

export function LicenceFacts ({ premisesId, draft }: { premisesId: number; draft: Draft }) {
  const { data } = useLoad(signal => api(`/api/public/premises/${premisesId}`, { signal }), [premisesId])
  if (!data) return null
  const hours = (data.openingHours ?? {}) as WeekHours
  const music = ((data.licensableActivities ?? []) as Activity[]).filter(a => a.activity === 'recorded_music' || a.activity === 'live_music')
  const at = draft.when === 'now' ? new Date() : draft.when === 'at' && occurredAtOf(draft) ? new Date(occurredAtOf(draft)!) : null
  const moments = momentsOf({ at, pattern: draft.when === 'often' && draft.days.length && draft.from && draft.to ? { days: draft.days, from: draft.from, to: draft.to } : null }, localTimeZone())
  const first = moments[0]
  const open = first ? moments.some(m => coveringSpan(hours, m)) : null
  const licensedMusic = first ? music.some(a => moments.some(m => coveringSpan(activityHours(a), m))) : null
  return (
    <div class="card licence-facts" aria-live="polite">
      <h2>What {data.name}'s licence allows</h2>
      {Object.keys(hours).length > 0
        ? <p>Opening hours: {DAYS.filter(d => hours[d]).map(d => `${DAY_LABELS[d].slice(0, 3)} ${hours[d]!.from}–${hours[d]!.to}`).join('; ')}.</p>
        : <p>The register does not record its opening hours.</p>}
      {music.length > 0
        ? <p>Licensed for {music.map(a => `${ACTIVITY_WORDS[a.activity]} ${dayRange(a.days)} ${a.from}–${a.to}`).join('; ')}.</p>
        : <p>It is not licensed for regulated music.</p>}
      {first && (
        <p><strong>At {first.time} on {DAY_LABELS[first.day]}:</strong> {open ? 'within its opening hours' : 'outside its opening hours'}{music.length ? (licensedMusic ? ', and music is licensed then' : ', and music is not licensed then') : ''}.</p>
      )}
      <p class="muted">Times past midnight belong to the night before. A licence allows an activity; noise can still be a nuisance within those hours.</p>
    </div>
  )
}
