// Public settings the browser needs before login (GET /api/public/settings), fetched once. The
// local date a form starts from follows the authority's time zone (TZ_LOCAL), not the device's.
import { apiAs } from './api/client.ts'
import { localDate } from '../../shared/dates.ts'

export interface PublicSettings { mapTiles: string | null; tzLocal: string | null }

let settings: Promise<PublicSettings> | undefined
let timeZone: string | null = null

export function publicSettings (): Promise<PublicSettings> {
  settings ??= apiAs<PublicSettings>('/api/public/settings')
    .then(s => { timeZone = s.tzLocal; return s })
    .catch(() => ({ mapTiles: null, tzLocal: null }))
  return settings
}

/** The authority's time zone (the device's until the settings have arrived). */
export function localTimeZone (): string {
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Today in the authority's time zone. */
export function localToday (): string {
  return localDate(new Date(), localTimeZone())
}
