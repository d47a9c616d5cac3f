// Kysely row types for the cross-cutting tables (users, audit, jobs, notifications).
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { Role } from '../../shared/roles.ts'

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export type { Role }
export type Json = JSONColumnType<any, any, any>

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  role: Role
  /** For a responsible_authority account: the organisation it speaks for. */
  organisation: string | null
  passwordHash: string
  active: Generated<boolean>
  createdAt: Generated<Date>
  lastLoginAt: Date | null
}

export interface AppMetaTable {
  key: string
  value: Json
  updatedAt: Generated<Date>
}

export interface AuditLogTable {
  id: Generated<number>
  at: Generated<Date>
  userId: number | null
  action: string
  entity: string
  entityId: string | null
  before: Json | null
  after: Json | null
}

export interface JobRunsTable {
  id: Generated<number>
  name: string
  instance: string
  startedAt: Generated<Date>
  finishedAt: Date | null
  ok: boolean | null
  stats: Json | null
  error: string | null
}

export interface NotificationsTable {
  id: Generated<number>
  userId: number | null
  role: Role | null
  premisesId: number | null
  kind: string
  title: string
  body: Generated<string>
  link: string | null
  dedupeKey: string | null
  createdAt: Generated<Date>
}

export interface NotificationReadsTable {
  notificationId: number
  userId: number
  readAt: Generated<Date>
}

export interface CoreTables {
  users: UsersTable
  appMeta: AppMetaTable
  auditLog: AuditLogTable
  jobRuns: JobRunsTable
  notifications: NotificationsTable
  notificationReads: NotificationReadsTable
}
