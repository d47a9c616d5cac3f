// Evidence files for an application: type checked by magic bytes (or a text/plain whitelist),
// size limited by the multipart limit, bytes kept in the database so every app instance serves them.
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import * as repo from './applications.repository.ts'
import { activeCodes, checkCodes, loadApplication } from './applications.service.ts'
import { EvidenceNotFound, illegalTransition, UnsupportedFileType } from './safety-thirst.errors.ts'

const UPLOAD_STATUSES = ['draft', 'submitted', 'under_assessment']
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b)
const ascii = (s: string) => [...s].map(c => c.charCodeAt(0))

/** The stored content type, decided from the bytes; null for anything not on the whitelist. */
export function detectFileType (bytes: Uint8Array, filename: string, declared: string): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  // A .docx is a zip; accept a zip only when the name or declared type says Word document.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && (/\.docx$/i.test(filename) || declared === DOCX)) return DOCX
  if ((declared === 'text/plain' || /\.txt$/i.test(filename)) && looksLikeText(bytes)) return 'text/plain'
  return null
}

function looksLikeText (bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

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
