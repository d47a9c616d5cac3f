// Saved import profiles (import_profiles), with the ISTV profile Nightsafe ships listed among them.
import { sql } from 'kysely'
import type { Db } from '../../db/types.ts'
import type { Profile, ProfileBody } from '../../../shared/schemas/records.ts'
import { ISTV_PROFILE, ISTV_PROFILE_NAME } from './istv.profile.ts'

export const BUILT_IN: Record<string, ProfileBody> = { [ISTV_PROFILE_NAME]: ISTV_PROFILE }
const BUILT_IN_SINCE = '2026-12-03T00:00:00.000Z'

type Row = { name: string; label: string; source: ProfileBody['source']; columns: Record<string, string>; dateFormat: string; coordinates: ProfileBody['coordinates']; categoryMap: Record<string, string>; updatedAt: Date }

function present (row: Row): Profile {
  return {
    name: row.name, label: row.label, source: row.source, columns: row.columns, dateFormat: row.dateFormat as ProfileBody['dateFormat'],
    coordinates: row.coordinates, categoryMap: row.categoryMap, builtIn: false, updatedAt: new Date(row.updatedAt).toISOString()
  }
}

const builtIn = (name: string): Profile => ({ name, ...BUILT_IN[name]!, builtIn: true, updatedAt: BUILT_IN_SINCE })

const columns = ['name', 'label', 'source', 'columns', 'dateFormat', 'coordinates', 'categoryMap', 'updatedAt'] as const

export async function listProfiles (db: Db): Promise<Profile[]> {
  const rows = await db.selectFrom('importProfiles').select(columns).orderBy('label').execute()
  return [...Object.keys(BUILT_IN).map(builtIn), ...rows.map(present)]
}

export async function findProfile (db: Db, name: string): Promise<Profile | undefined> {
  if (BUILT_IN[name]) return builtIn(name)
  const row = await db.selectFrom('importProfiles').select(columns).where('name', '=', name).executeTakeFirst()
  return row ? present(row) : undefined
}

export async function saveProfile (db: Db, name: string, body: ProfileBody, userId: number): Promise<Profile> {
  const values = {
    label: body.label, source: body.source, columns: JSON.stringify(body.columns), dateFormat: body.dateFormat,
    coordinates: body.coordinates, categoryMap: JSON.stringify(body.categoryMap), updatedBy: userId
  }
  const row = await db.insertInto('importProfiles').values({ name, ...values })
    .onConflict(oc => oc.column('name').doUpdateSet({ ...values, updatedAt: sql`now()` }))
    .returning(columns).executeTakeFirstOrThrow()
  return present(row)
}
