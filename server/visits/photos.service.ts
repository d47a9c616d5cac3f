// Visit photos: bytes sent as the request body under an id made on the device, typed by their
// first bytes (JPEG, PNG or WebP only). The row is written in one transaction once the whole
// body has arrived, so an upload cut off half-way leaves nothing; the retry stores it once, and
// any later retry of the same bytes is answered 200 with what is stored.
import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { recordAudit } from '../audit/audit.public.ts'
import { detectFileType } from '../http/file-type.ts'
import { PHOTO_TYPES, type VisitPhoto } from '../../shared/schemas/visits.ts'
import * as repo from './visits.repository.ts'
import { PhotoConflict, PhotoNotFound, UnsupportedPhotoType, VisitNotFound } from './visits.errors.ts'

type PhotoRow = NonNullable<Awaited<ReturnType<typeof repo.findPhoto>>>
const present = (row: PhotoRow): VisitPhoto => ({ ...row, uploadedAt: row.uploadedAt.toISOString() })

export async function putPhoto (db: Kysely<Database>, user: CurrentUser, visitId: string, photoId: string, bytes: Uint8Array, meta: { caption?: string; item?: string }) {
  const type = detectFileType(bytes, '', '')
  if (!type || !(PHOTO_TYPES as readonly string[]).includes(type)) throw new UnsupportedPhotoType('A photo must be a JPEG, PNG or WebP image')
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const stored = (existing: PhotoRow) => {
    if (existing.visitId !== visitId || existing.sha256 !== sha256) throw new PhotoConflict(`Photo ${photoId} is already stored with other content: give a new photo a new id`)
    return { created: false, photo: present(existing) }
  }
  try {
    return await db.transaction().execute(async trx => {
      if (!await repo.findVisit(trx, visitId, true)) throw new VisitNotFound(visitId)
      const existing = await repo.findPhotoById(trx, photoId)
      if (existing) return stored(existing)
      const row = await repo.insertPhoto(trx, { id: photoId, visitId, item: meta.item ?? null, caption: meta.caption?.trim() ?? '', mimeType: type, sha256, content: bytes, uploadedBy: user.id })
      await recordAudit(trx, { userId: user.id, action: 'visit.photo', entity: 'visit', entityId: visitId, after: { photoId, mimeType: type, sizeBytes: row.sizeBytes, sha256 } })
      return { created: true, photo: present(row) }
    })
  } catch (error) {
    // Two sends of the same photo at once: the primary key answers for the one that lost the race.
    if ((error as { code?: string }).code !== '23505') throw error
    const existing = await repo.findPhotoById(db, photoId)
    if (!existing) throw error
    return stored(existing)
  }
}

export async function readPhoto (db: Db, visitId: string, photoId: string) {
  const photo = await repo.photoContent(db, visitId, photoId)
  if (!photo) throw new PhotoNotFound(photoId)
  return photo
}
