// How many venues held a Safety Thirst award at the end of each month (the partnership's
// indicator, docs/indicators.md): an award counts from its decision until its certificate's
// valid-until date, whether or not the expiry job has marked it expired since.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'

/** Venues accredited on the last day of each month, 'YYYY-MM' → count, for the months from..to (YYYY-MM-01, to exclusive). */
export async function accreditedAtMonthEnds (db: Db, range: { from: string; to: string; tz: string }): Promise<Map<string, number>> {
  const { rows } = await sql<{ month: string; n: number }>`
    with m (start) as (
      select generate_series(${range.from}::date, ${range.to}::date - interval '1 month', interval '1 month')::date
    )
    select to_char(m.start, 'YYYY-MM') as month, count(distinct a.premises_id)::int as n
    from m
    left join st_applications a
      on a.status in ('decided', 'expired') and a.tier in ('pass', 'commended', 'highly_commended')
      and a.decided_at < ((m.start + interval '1 month')::date::timestamp at time zone ${range.tz})
      and a.valid_until >= (m.start + interval '1 month' - interval '1 day')::date
    group by m.start`.execute(db)
  return new Map(rows.map(row => [row.month, Number(row.n)]))
}
