// Reading the audit log (GET /api/audit): entries newest first, filtered by entity or user.
import type { Db } from '../db/types.ts'
import * as repo from './audit.repository.ts'

export function listAudit (db: Db, filter: repo.AuditFilter) {
  return repo.listAudit(db, filter)
}
