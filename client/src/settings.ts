// Public settings the browser needs before login (GET /api/public/settings), fetched once. The
// local date a form starts from follows the authority's time zone (TZ_LOCAL), not the device's.
import { api } from './api/client.ts'
import { localDate } from '../../shared/dates.ts'
import type { PublicSettings } from '../../shared/schemas/settings.ts'

/** What the page knows of the settings: each is null when the server could not be asked. */
export type BrowserSettings = { [K in 'mapTiles' | 'tzLocal']: PublicSettings[K] | null }

let settings: Promise<BrowserSettings> | undefined
let timeZone: string | null = null

export function publicSettings (): Promise<BrowserSettings> {
  settings ??= api('/api/public/settings')
    .then((s): BrowserSettings => { timeZone = s.tzLocal; return s })
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
