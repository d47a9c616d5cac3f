// police.uk rows on their way in: a temporary table (dropped at commit) that PostgreSQL's own
// COPY fills from a street CSV, or an INSERT fills from an API JSON response. police-uk.import.ts
// checks, keys and upserts the staged rows.
import { sql } from 'kysely'
import type { Db } from '../db/types.ts'
import { copyFromStdin } from '../db/copy.ts'
import { ImportFileInvalid } from './incidents.errors.ts'
import { STREET_HEADER, type ApiStagingRow } from './police-uk.parse.ts'

/** The staging columns of the CSV, in file order: 'Crime ID' is crime_id, 'LSOA code' lsoa_code… */
const STREET_COLUMNS = STREET_HEADER.map(name => name.toLowerCase().replace(/ /g, '_'))

/**
 * An empty staging table for one file. It lives for the session and is emptied at every commit
 * (so a failed file leaves nothing): creating it for every file would cost more than the file's
 * rows.
 */
export async function createStaging (db: Db): Promise<void> {
  // One round trip: this runs for every file. line: the CSV line (the header is line 1), or the
  // record's position in an API response. Several files in one transaction (the demo seed)
  // must not see each other's rows, hence the truncate.
  await sql`do $$ begin
    if to_regclass('pg_temp.police_uk_staging') is null then
      create temp sequence police_uk_staging_line;
      create temp table police_uk_staging (
        line integer not null default nextval('police_uk_staging_line'), api_id bigint,
        ${sql.raw(STREET_COLUMNS.map(column => `${column} text`).join(', '))}
      ) on commit delete rows;
    elsif exists (select from pg_temp.police_uk_staging) then
      truncate pg_temp.police_uk_staging;
    end if;
    perform setval('pg_temp.police_uk_staging_line', 1);
  end $$`.execute(db)
}

export async function stageStreetCsv (db: Db, bytes: Buffer): Promise<number> {
  try {
    return await copyFromStdin(db, `copy police_uk_staging (${STREET_COLUMNS.join(', ')}) from stdin with (format csv, header true)`, bytes)
  } catch (error) {
    throw copyErrorAsInvalidFile(error as Error & { code?: string; where?: string; hint?: string })
  }
}

/** PostgreSQL names the line of a COPY error in `where` ("COPY police_uk_staging, line 41: …"). */
function copyErrorAsInvalidFile (error: Error & { code?: string; where?: string; hint?: string }): Error {
  const match = /\bline (\d+)(?:, column \w+)?(?:: "(.*)")?/.exec(error.where ?? '')
  if (!match) return error
  const line = Number(match[1])
  const text = match[2]
  if (error.code === '22021' || error.code === '22P05') return new ImportFileInvalid(`line ${line}: binary or badly encoded content (not UTF-8 text)`, line)
  if (/unterminated CSV quoted field/i.test(error.message)) return new ImportFileInvalid(`line ${line}: malformed CSV (a quoted field is never closed)`, line)
  if (/missing data|extra data/i.test(error.message)) {
    const expected = `expected ${STREET_HEADER.length} columns`
    return new ImportFileInvalid(text === '' ? `line ${line}: an empty line (${expected})` : `line ${line}: ${expected} (a truncated or malformed line)`, line)
  }
  const hint = error.hint
  return new ImportFileInvalid(`line ${line}: malformed CSV (${error.message}${hint ? `; ${hint}` : ''})`, line)
}

/** Stage the records of an API response (parseApiJson). */
export async function stageApiRows (db: Db, rows: ApiStagingRow[]): Promise<void> {
  if (rows.length === 0) return
  const col = <K extends keyof ApiStagingRow>(key: K) => rows.map(r => r[key])
  await sql`insert into police_uk_staging (line, api_id, crime_id, month, longitude, latitude, location, crime_type, last_outcome_category)
    select * from unnest(${col('line')}::int[], ${col('apiId')}::bigint[], ${col('crimeId')}::text[], ${col('month')}::text[],
      ${col('longitude')}::text[], ${col('latitude')}::text[], ${col('location')}::text[], ${col('crimeType')}::text[], ${col('outcome')}::text[])`.execute(db)
}

/** The distinct raw values of the fields that are checked (null read as ''): a file has few of them. */
export interface StagedValues { months: string[]; crimeTypes: string[]; points: [string, string][] }

export async function distinctStagedValues (db: Db): Promise<StagedValues> {
  const { rows } = await sql<{ kind: 'm' | 't' | 'p'; a: string; b: string }>`
    select 'm' as kind, coalesce(month, '') as a, '' as b from police_uk_staging group by 2
    union all select 't', coalesce(crime_type, ''), '' from police_uk_staging group by 2
    union all select 'p', coalesce(longitude, ''), coalesce(latitude, '') from police_uk_staging group by 2, 3`.execute(db)
  const values: StagedValues = { months: [], crimeTypes: [], points: [] }
  for (const row of rows) {
    if (row.kind === 'm') values.months.push(row.a)
    else if (row.kind === 't') values.crimeTypes.push(row.a)
    else values.points.push([row.a, row.b])
  }
  return values
}
