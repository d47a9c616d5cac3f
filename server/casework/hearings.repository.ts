// Queries for hearings, of licensing cases and of objections to Temporary Event Notices: at most
// one scheduled hearing per case or notice (a new date cancels the old one).
import type { Insertable } from 'kysely'
import type { Db } from '../db/types.ts'
import type { HearingsTable } from './casework.tables.ts'

export type HearingSubject = { caseId: number } | { tenId: number }

const subjectColumn = (subject: HearingSubject) => 'caseId' in subject ? 'caseId' as const : 'tenId' as const
const subjectId = (subject: HearingSubject) => 'caseId' in subject ? subject.caseId : subject.tenId

/** The scheduled hearings of several cases or notices, by their id. */
export async function scheduledHearings (db: Db, column: 'caseId' | 'tenId', ids: number[]) {
  if (!ids.length) return new Map<number, HearingRow>()
  const rows = await db.selectFrom('hearings').selectAll().where(column, 'in', ids).where('status', '=', 'scheduled').execute()
  return new Map(rows.map(row => [row[column]!, row]))
}
export type HearingRow = NonNullable<Awaited<ReturnType<typeof findScheduled>>>

export function findScheduled (db: Db, subject: HearingSubject) {
  return db.selectFrom('hearings').selectAll().where(subjectColumn(subject), '=', subjectId(subject)).where('status', '=', 'scheduled').executeTakeFirst()
}

export async function cancelScheduled (db: Db, subject: HearingSubject) {
  await db.updateTable('hearings').set({ status: 'cancelled' }).where(subjectColumn(subject), '=', subjectId(subject)).where('status', '=', 'scheduled').execute()
}

export function insertHearing (db: Db, values: Insertable<HearingsTable>) {
  return db.insertInto('hearings').values(values).returning('id').executeTakeFirstOrThrow()
}
