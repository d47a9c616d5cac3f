// How answers travel: compressed (brotli or gzip, @fastify/compress) when the client accepts it,
// and with a caching rule for each kind. API answers carry police and personal data, so none may
// be stored by a browser or a proxy (`private, no-store`) unless the route says otherwise; the
// public register (GET /api/public/…) is the same for everyone, so it may be cached briefly and
// revalidated with an ETag (304 on a matching If-None-Match). Static files: see plugins/static.ts.
import zlib from 'node:zlib'
import fp from 'fastify-plugin'
import compress from '@fastify/compress'
import { etagMatches, etagOf } from '../http/etag.ts'

/** How long the public register may be reused without asking (seconds). */
export const PUBLIC_MAX_AGE = 60

const isPublicRead = (method: string, url: string) => (method === 'GET' || method === 'HEAD') && url.startsWith('/api/public/')

export default fp(async function transportPlugin (app) {
  // Before compression's own hook, so the ETag is of the uncompressed body.
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url
    if (!url.startsWith('/api/')) return payload
    if (reply.getHeader('cache-control') === undefined) {
      reply.header('cache-control', isPublicRead(request.method, url) && reply.statusCode === 200 ? `public, max-age=${PUBLIC_MAX_AGE}` : 'private, no-store')
    }
    if (!isPublicRead(request.method, url) || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload
    const etag = etagOf(payload)
    reply.header('etag', etag)
    if (!etagMatches(request.headers['if-none-match'], etag)) return payload
    reply.code(304).removeHeader('content-type').removeHeader('content-length')
    return ''
  })
  // JSON, GeoJSON, CSV, HTML, JavaScript and CSS are compressible (mime-db); images are not.
  // Low levels, because most answers are made per request: on the 410 KB premises list brotli 1
  // takes about 1.2 ms for 16 KB and gzip 3 about 2.7 ms for 24 KB, where brotli 4 (the plugin's
  // default) takes 5.6 ms for 13 KB and gzip 6 (zlib's) 7.7 ms for 22 KB. Browsers offer brotli
  // over HTTPS only, so gzip is what a plain-HTTP installation uses.
  await app.register(compress, {
    global: true, encodings: ['br', 'gzip'], threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 3 }
  })
}, { name: 'transport' })
