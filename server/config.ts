// The only module that reads process.env. Every variable is validated here so a bad
// value stops the process at start-up with a message naming the variable.
import { randomBytes } from 'node:crypto'
import { isIP } from 'node:net'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PAUSE_POINTS, type PausePoint } from './test-pause.ts'

export type DemoMode = 'auto' | 'on' | 'off'
/** Whose X-Forwarded-For to believe: nobody (false), the last N hops, or these proxy addresses/ranges. */
export type TrustProxy = false | number | string[]

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  jwtSecret: string
  jwtExpiresIn: string
  demo: DemoMode
  cron: boolean
  tzLocal: string
  /** Failed logins allowed per email before each further attempt must wait (a doubling delay). */
  loginRateLimit: number
  /** The same per client address (higher: an office shares one address). */
  loginAddressRateLimit: number
  /** Reports of concerns per hour from one address (the public form). */
  concernRateLimit: number
  trustProxy: TrustProxy
  logLevel: string
  uploadMaxBytes: number
  bodyLimitBytes: number
  importMaxBytes: number
  /** Map tile URL template for the browser, or null for no tiles (offline, tests). */
  mapTiles: string | null
  /** Test-only (TEST_PAUSE_AT, refused unless NODE_ENV=test): a service that stops inside its transaction. */
  testPauseAt: PausePoint | null
  /** The app clock's source of "now" (app.clock); unset means the wall clock. Tests set it to fix the date. */
  now?: () => Date
  /** How many hotspot analysis grids (one per cell size asked for) are kept in memory. */
  hotspotGridCache: number
  /** Megabytes of serialised map feed answers each app process keeps (MAP_FEED_CACHE_MB). */
  mapFeedCacheMb: number
  /** SMTP server for outgoing mail, or null: mail is written to mailDir instead. */
  smtpUrl: string | null
  /** The From address of every email, e.g. "Nightsafe <nightsafe@council.example>". */
  mailFrom: string
  /** The address people use to reach the app; links in emails start with it (no trailing slash). */
  appUrl: string
  /** Where mail goes without SMTP (DATA_DIR/mail), or null (in-memory data: mail is only logged). */
  mailDir: string | null
  /** The police.uk API the sync asks (POLICE_UK_API_URL). */
  policeUkApiUrl: string
  /** Hours after recording during which an incident may be deleted, and an incident-book entry changed by its venue (INCIDENT_EDIT_WINDOW_HOURS). */
  incidentEditWindowHours: number
}

export class ConfigError extends Error {
  constructor (readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

function integer (env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`)
  const value = Number(raw)
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`)
  return value
}

function oneOf<T extends string> (env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = raw.toLowerCase() as T
  if (!allowed.includes(value)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`)
  return value
}

function flag (env: Env, name: string, fallback: boolean): boolean {
  const value = oneOf(env, name, ['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'] as const, fallback ? 'on' : 'off')
  return ['on', 'true', '1', 'yes'].includes(value)
}

function timeZone (env: Env, name: string, fallback: string): string {
  const value = env[name] || fallback
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value })
  } catch {
    throw new ConfigError(name, `is not a known IANA time zone: "${value}"`)
  }
  return value
}

function databaseUrl (env: Env): string | undefined {
  const raw = env.DATABASE_URL
  if (raw === undefined || raw === '') return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL (want postgres://user:password@host:5432/database)')
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}//"`)
  }
  return raw
}

/** Reads JWT_SECRET, or in embedded mode keeps a generated one in DATA_DIR so tokens survive restarts. */
function jwtSecret (env: Env, dataDir: string, serverMode: boolean): string {
  const raw = env.JWT_SECRET
  if (raw) {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long')
    return raw
  }
  if (serverMode) throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set (at least 32 characters)')
  if (dataDir === ':memory:') return randomBytes(32).toString('hex')
  const file = join(dataDir, 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(48).toString('hex')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  return secret
}

function mapTiles (env: Env): string | null {
  const raw = env.MAP_TILES
  if (raw === undefined || raw === '') return 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
  if (raw === 'off') return null
  if (!/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/.test(raw)) throw new ConfigError('MAP_TILES', `must be "off" or a tile URL template with {z}, {x} and {y}, got "${raw}"`)
  // The host becomes the CSP's img-src: a plain host (and port), or {s}. in front for subdomains.
  if (!/^https?:\/\/(\{s\}\.)?[\w.-]+(:\d+)?\//.test(raw)) throw new ConfigError('MAP_TILES', `must name the tile server's host plainly (only a leading {s}. may vary), got "${raw}"`)
  return raw
}

/** TEST_PAUSE_AT stops a request for good inside its transaction: never in a real deployment. */
function testPauseAt (env: Env): PausePoint | null {
  const raw = env.TEST_PAUSE_AT
  if (raw === undefined || raw === '') return null
  if (env.NODE_ENV !== 'test') throw new ConfigError('TEST_PAUSE_AT', 'is a test-only setting (it stops requests inside their transaction) and is refused unless NODE_ENV=test; unset it')
  if (!(PAUSE_POINTS as readonly string[]).includes(raw)) throw new ConfigError('TEST_PAUSE_AT', `must be one of ${PAUSE_POINTS.join(', ')}, got "${raw}"`)
  return raw as PausePoint
}

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']

function proxyEntry (entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true
  const [address, prefix, extra] = entry.split('/')
  const family = isIP(address ?? '')
  if (!family || extra !== undefined) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY decides what the client's address (request.ip) is. Off, it is the connecting
 * address and X-Forwarded-For is ignored; otherwise only the named proxies (or the last N hops)
 * are believed. "Trust everyone" is refused: any client could then choose its own address.
 */
function trustProxy (env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim()
  const lower = raw.toLowerCase()
  if (raw === '' || ['off', 'false', 'no', '0'].includes(lower)) return false
  const example = 'e.g. TRUST_PROXY=10.0.0.0/8 (the load balancer\'s addresses), TRUST_PROXY=loopback or TRUST_PROXY=1 (one proxy in front)'
  if (['on', 'true', 'yes', '*'].includes(lower)) {
    throw new ConfigError('TRUST_PROXY', `must name the proxies to trust or a hop count, not "${raw}" (that would let any client choose its own address): ${example}`)
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw)
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `must be between 1 and 10 hops, got ${hops}`)
    return hops
  }
  const entries = raw.split(',').map(e => e.trim()).filter(Boolean)
  const wrong = entries.find(e => !proxyEntry(e))
  if (wrong !== undefined) throw new ConfigError('TRUST_PROXY', `"${wrong}" is not an IP address, a CIDR range or one of ${PROXY_RANGE_NAMES.join(', ')}: ${example}`)
  return entries
}

function smtpUrl (env: Env): string | null {
  const raw = env.SMTP_URL
  if (raw === undefined || raw === '') return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('SMTP_URL', 'is not a valid URL (want smtp://user:password@mail.example.org:587)')
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol)) throw new ConfigError('SMTP_URL', `must start with smtp:// or smtps://, got "${url.protocol}//"`)
  if (!url.hostname) throw new ConfigError('SMTP_URL', 'names no host (want smtp://user:password@mail.example.org:587)')
  return raw
}

// An address, optionally with a display name: name@example.org or "Nightsafe <name@example.org>".
const MAILBOX = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/
function mailFrom (env: Env, smtp: string | null): string {
  const raw = env.MAIL_FROM?.trim()
  if (!raw) {
    if (smtp) throw new ConfigError('MAIL_FROM', 'is required when SMTP_URL is set, e.g. "Nightsafe <nightsafe@council.example>"')
    return 'Nightsafe <nightsafe@localhost.localdomain>'
  }
  if (!MAILBOX.test(raw)) throw new ConfigError('MAIL_FROM', `must be an email address such as nightsafe@council.example or "Nightsafe <nightsafe@council.example>", got "${raw}"`)
  return raw
}

function policeUkApiUrl (env: Env): string {
  const raw = env.POLICE_UK_API_URL?.trim() || 'https://data.police.uk/api'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('POLICE_UK_API_URL', `is not a valid URL (want https://data.police.uk/api), got "${raw}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('POLICE_UK_API_URL', `must start with https:// or http://, got "${raw}"`)
  return raw.replace(/\/+$/, '')
}

function appUrl (env: Env, port: number, smtp: string | null): string {
  const raw = env.APP_URL?.trim()
  if (!raw) {
    if (smtp) throw new ConfigError('APP_URL', 'is required when SMTP_URL is set: the address people open, e.g. https://nightsafe.council.example')
    return `http://localhost:${port}`
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('APP_URL', `is not a valid URL (want https://nightsafe.council.example), got "${raw}"`)
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new ConfigError('APP_URL', `must start with https:// or http://, got "${raw}"`)
  if (url.search || url.hash) throw new ConfigError('APP_URL', `must not carry a query or fragment, got "${raw}"`)
  return url.toString().replace(/\/+$/, '')
}

function mailDir (env: Env, dataDir: string): string | null {
  const raw = env.MAIL_DIR
  if (raw) return resolve(raw)
  return dataDir === ':memory:' ? null : join(dataDir, 'mail')
}

export function loadConfig (env: Env = process.env): Config {
  const url = databaseUrl(env)
  const rawDataDir = env.DATA_DIR || './data'
  const dataDir = rawDataDir === ':memory:' ? rawDataDir : resolve(rawDataDir)
  const host = env.HOST || '127.0.0.1'
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address: "${host}"`)
  const expires = env.JWT_EXPIRES_IN || '8h'
  if (!/^\d+[smhd]$/.test(expires)) throw new ConfigError('JWT_EXPIRES_IN', `must look like 30m, 8h or 1d, got "${expires}"`)
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const smtp = smtpUrl(env)
  return {
    port,
    host,
    databaseUrl: url,
    dataDir,
    jwtSecret: jwtSecret(env, dataDir, url !== undefined),
    jwtExpiresIn: expires,
    demo: oneOf(env, 'DEMO', ['auto', 'on', 'off'] as const, 'auto'),
    cron: flag(env, 'CRON', true),
    incidentEditWindowHours: integer(env, 'INCIDENT_EDIT_WINDOW_HOURS', 72, 0, 8760),
    tzLocal: timeZone(env, 'TZ_LOCAL', 'Europe/London'),
    loginRateLimit: integer(env, 'LOGIN_RATE_LIMIT', 10, 1, 100000),
    loginAddressRateLimit: integer(env, 'LOGIN_ADDRESS_RATE_LIMIT', 100, 1, 1000000),
    concernRateLimit: integer(env, 'CONCERN_RATE_LIMIT', 10, 1, 100000),
    trustProxy: trustProxy(env),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importMaxBytes: integer(env, 'IMPORT_MAX_BYTES', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    mapTiles: mapTiles(env),
    testPauseAt: testPauseAt(env),
    hotspotGridCache: integer(env, 'HOTSPOT_GRID_CACHE', 8, 1, 176),
    mapFeedCacheMb: integer(env, 'MAP_FEED_CACHE_MB', 16, 1, 1024),
    smtpUrl: smtp,
    mailFrom: mailFrom(env, smtp),
    appUrl: appUrl(env, port, smtp),
    mailDir: mailDir(env, dataDir),
    policeUkApiUrl: policeUkApiUrl(env)
  }
}
