// Calendar arithmetic on 'YYYY-MM-DD' dates (no time zone involved) for plan review dates.
// Statutory periods (the representation period and the rest) live in shared/clock/.

export function addDays (date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function addYears (date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number)
  // 29 February rolls back to 28 February in a non-leap year.
  const result = new Date(Date.UTC(y + years, m - 1, d))
  if (result.getUTCMonth() !== m - 1) result.setUTCDate(0)
  return result.toISOString().slice(0, 10)
}

/** The calendar date of an instant in a time zone (default Europe/London). */
export function localDateOf (instant: Date, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}
