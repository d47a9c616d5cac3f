// Validators for answers that may be revalidated: a weak ETag of the body as sent before
// compression (the same for every encoding), and If-None-Match as RFC 9110 compares it (weakly).
import { createHash } from 'node:crypto'

export const etagOf = (payload: string | Buffer) => `W/"${createHash('sha1').update(payload).digest('base64url')}"`

export function etagMatches (ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some(tag => { const t = tag.trim(); return t === '*' || t === etag || `W/${t}` === etag })
}
