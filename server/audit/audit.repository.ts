// The audit log: who changed what and when, with the record before and after.
// Every write service calls recordAudit inside its own transaction, so the entry and the
// change commit or roll back together.
import type { Db } from '../db/types.ts'
import type { AuditQuery } from '../../shared/schemas/audit.ts'

export interface AuditEntry {
  userId: number | null
  action: string
  entity: string
  entityId: number | string | null
  before?: unknown
  after?: unknown
}

function asJson (value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value)
}

export async function recordAudit (db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('auditLog').values({
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: asJson(entry.before),
    after: asJson(entry.after)
  }).execute()
}

export type AuditFilter = AuditQuery

export async function listAudit (db: Db, filter: AuditFilter) {
  let query = db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.userId')
  if (filter.entity) query = query.where('auditLog.entity', '=', filter.entity)
  if (filter.entityId) query = query.where('auditLog.entityId', '=', filter.entityId)
  if (filter.userId) query = query.where('auditLog.userId', '=', filter.userId)
  const [items, count] = await Promise.all([
    query.select(['auditLog.id', 'auditLog.at', 'auditLog.userId', 'users.email as userEmail', 'auditLog.action', 'auditLog.entity', 'auditLog.entityId', 'auditLog.before', 'auditLog.after'])
      .orderBy('auditLog.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select(eb => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return { items, total: Number(count.n) }
}
