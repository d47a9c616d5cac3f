// The file of an import request: the body itself (text/csv, XLSX, gzip, JSON) or multipart field
// `file`. The whole file is read before the import starts; the route's body limit bounds it.
import type { FastifyRequest } from 'fastify'
import { BadRequest } from '../errors.ts'

export interface Upload { content: Buffer | unknown[]; fileName: string | null }

export async function readUpload (request: FastifyRequest, bodyLimit: number): Promise<Upload> {
  if (request.isMultipart()) {
    const file = await request.file({ limits: { fileSize: bodyLimit, files: 1 } })
    if (!file || file.fieldname !== 'file') throw new BadRequest('Send the file in the multipart field "file"')
    // Over the limit, toBuffer throws 413 FST_REQ_FILE_TOO_LARGE, as a too large text/csv body does.
    return { content: await file.toBuffer(), fileName: file.filename }
  }
  const body = request.body
  if (Buffer.isBuffer(body) || Array.isArray(body)) return { content: body, fileName: (request.headers['x-file-name'] as string | undefined) ?? null }
  throw new BadRequest('Send the file as the request body (text/csv) or as multipart field "file"')
}

/** A file upload that must be bytes (CSV or XLSX), not parsed JSON. */
export async function readFileUpload (request: FastifyRequest, bodyLimit: number): Promise<{ content: Buffer; fileName: string | null }> {
  const { content, fileName } = await readUpload(request, bodyLimit)
  if (!Buffer.isBuffer(content)) throw new BadRequest('Send the extract as CSV (text/csv) or XLSX, not JSON')
  return { content, fileName }
}
