// What other domains may use of the audit log: recordAudit, called by every write service inside
// its own transaction so the entry and the change commit or roll back together.
export { recordAudit } from './audit.repository.ts'
