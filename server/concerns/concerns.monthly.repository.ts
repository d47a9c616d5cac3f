// Concerns about venues by month, and how many were answered in time (the partnership's
// indicators, docs/indicators.md). A concern counts in the local month it was confirmed, when it
// is about a venue and was not closed as abusive or as a duplicate of another. It was answered
// when an officer first wrote to the reporter (a reply or a change of status the reporter sees).
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'

export interface MonthlyConcerns { reports: number; answered: number }

/** 'YYYY-MM' → reports confirmed that month and how many were answered within `withinHours` of confirmation. */
export async function concernsAboutVenuesByMonth (db: Db, range: { from: string; to: string; tz: string; withinHours: number }): Promise<Map<string, MonthlyConcerns>> {
  const { rows } = await sql<{ month: string; reports: number; answered: number }>`
    select to_char(c.confirmed_at at time zone ${range.tz}, 'YYYY-MM') as month, count(*)::int as reports,
      count(*) filter (where (
        select min(u.at) from concern_updates u
        where u.concern_id = c.id and u.author_id is not null and (u.public_text is not null or u.status is not null)
      ) <= c.confirmed_at + make_interval(hours => ${range.withinHours}::int))::int as answered
    from concerns c
    where c.premises_id is not null and c.confirmed_at is not null and not c.abusive
      and c.close_reason is distinct from 'duplicate' and c.close_reason is distinct from 'abusive'
      and c.confirmed_at >= (${range.from}::date::timestamp at time zone ${range.tz})
      and c.confirmed_at < (${range.to}::date::timestamp at time zone ${range.tz})
    group by 1`.execute(db)
  return new Map(rows.map(row => [row.month, { reports: Number(row.reports), answered: Number(row.answered) }]))
}
