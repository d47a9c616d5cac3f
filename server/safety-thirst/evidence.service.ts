// Evidence files for an application: type checked by magic bytes (server/http/file-type.ts),
// size limited by the multipart limit, bytes kept in the database so every app instance serves them.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import * as repo from './applications.repository.ts'
import { activeCodes, checkCodes, loadApplication } from './applications.service.ts'
import { EvidenceNotFound, illegalTransition, UnsupportedFileType } from './safety-thirst.errors.ts'
import { detectFileType } from '../http/file-type.ts'

const UPLOAD_STATUSES = ['draft', 'submitted', 'under_assessment']

export function safeFilename (name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'evidence'
  return base.replace(/[^\w.\- ()]+/g, '_').slice(0, 120) || 'evidence'
}

export function addEvidence (db: Kysely<Database>, user: CurrentUser, id: number, file: { filename: string; mimetype: string; bytes: Uint8Array }, criterionCode: string | null) {
  return db.transaction().execute(async trx => {
    const row = await loadApplication(trx, user, id, true)
    if (!UPLOAD_STATUSES.includes(row.status)) throw illegalTransition(row.status, 'given more evidence')
    if (criterionCode) checkCodes(await activeCodes(trx, row.criteriaSetId), [{ criterionCode }], 'criterionCode')
    const type = detectFileType(file.bytes, file.filename, file.mimetype)
    if (!type) throw new UnsupportedFileType('Evidence must be a PDF, JPEG, PNG, WebP, Word (.docx) or plain text file')
    const saved = await repo.insertEvidence(trx, { applicationId: id, criterionCode, filename: safeFilename(file.filename), mimeType: type, content: file.bytes, uploadedBy: user.id })
    await recordAudit(trx, { userId: user.id, action: 'add_evidence', entity: 'st_application', entityId: id, after: { fileId: saved.id, filename: saved.filename, mimeType: type, sizeBytes: saved.sizeBytes, criterionCode } })
    return saved
  })
}

/** Only the venue's own manager and officers, police and admin reach this (the scope check is in loadApplication). */
export async function readEvidence (db: Db, user: CurrentUser, id: number, fileId: number) {
  await loadApplication(db, user, id)
  const file = await repo.findEvidenceFile(db, id, fileId)
  if (!file) throw new EvidenceNotFound(String(fileId))
  return file
}
