// The baseline for the map feed and the premises list: a bare Fastify route (BARE_PATH, the
// app's path) returning the same JSON bytes the app returned (no auth, no database), so the ratio
// shows what auth, query, caching and serialisation cost.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const payload = readFileSync(process.env.BARE_PAYLOAD!, 'utf8')
const body = JSON.parse(payload) as unknown
const app = Fastify({ logger: false })
app.get('/health', async () => ({ status: 'ok' }))
// Serialised per request like the app's route does (JSON.stringify of an object), not a cached string.
app.get(process.env.BARE_PATH ?? '/api/premises', async () => body)
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
