// Local dates for the scheme's yearly cycle: the year and "today" in the authority's time zone.
export const LOCAL_TZ = 'Europe/London'

/** 'YYYY-MM-DD' of the instant in the time zone. */
export function localDate (at: Date = new Date(), timeZone = LOCAL_TZ): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

export function localYear (at: Date = new Date(), timeZone = LOCAL_TZ): number {
  return Number(localDate(at, timeZone).slice(0, 4))
}

/** A certificate is valid to 31 December of the year of award. */
export const validUntilFor = (year: number) => `${year}-12-31`

export function addDays (date: string, days: number): string {
  const d = new Date(date + 'T12:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
