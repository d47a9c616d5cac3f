// Keeping police.uk current by itself: ask the API which months exist (/crimes-street-dates),
// fetch each month not yet held for the authority's boundary with POST /crimes-street/all-crime
// (form body poly and date; a GET URL over 4,094 characters fails), and store it through the same
// path as an uploaded API response (storeApiJson: the same keys, updates and attribution).
// A 503 means more than 10,000 crimes: the area is split into four overlapping quarters and the
// answers merged, the crimes that overlapping quarters both return kept once (by their API id),
// and those outside the boundary dropped. A 429 is waited out (Retry-After, or 1 s doubling).
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/types.ts'
import { pointInRing } from '../geo/boundary.ts'
import { storeApiJson } from './imports.service.ts'

export interface SyncOptions {
  baseUrl: string
  /** The area as [lng, lat] pairs (the authority's boundary ring). */
  ring: [number, number][]
  tz: string
  userId?: number | null
  /** Waits between retries; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>
  maxRetries?: number
  maxDepth?: number
}

export type SyncResult = { months: string[]; imported: number; updated: number; requests: number; splits: number; retries: number; duplicates: number }

type Box = { west: number; south: number; east: number; north: number }
interface ApiCrime { id?: number | string; location?: { latitude?: string; longitude?: string } | null }

const wait = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/** police.uk could not answer; the months already stored stay stored. */
export class PoliceUkUnavailable extends Error {}

export async function syncPoliceUk (db: Kysely<Database>, options: SyncOptions): Promise<SyncResult> {
  const base = options.baseUrl.replace(/\/+$/, '')
  const sleep = options.sleep ?? wait
  const stats = { requests: 0, splits: 0, retries: 0, duplicates: 0 }

  async function request (path: string, init?: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      stats.requests += 1
      const res = await fetch(`${base}${path}`, init)
      if (res.status !== 429 || attempt >= (options.maxRetries ?? 5)) return res
      stats.retries += 1
      await res.arrayBuffer()
      const after = Number(res.headers.get('retry-after'))
      await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : 1000 * 2 ** attempt)
    }
  }

  async function fetchArea (box: Box, month: string, depth: number): Promise<ApiCrime[]> {
    const poly = [[box.south, box.west], [box.north, box.west], [box.north, box.east], [box.south, box.east]].map(([lat, lng]) => `${lat},${lng}`).join(':')
    const res = await request('/crimes-street/all-crime', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ poly, date: month }).toString() })
    if (res.status === 503 && depth < (options.maxDepth ?? 6)) {
      await res.arrayBuffer()
      stats.splits += 1
      // Quarters overlap by a twentieth of the box so a crime on a dividing line is never missed.
      const midLng = (box.west + box.east) / 2
      const midLat = (box.south + box.north) / 2
      const padLng = (box.east - box.west) / 20
      const padLat = (box.north - box.south) / 20
      const quarters: Box[] = [
        { west: box.west, south: box.south, east: midLng + padLng, north: midLat + padLat },
        { west: midLng - padLng, south: box.south, east: box.east, north: midLat + padLat },
        { west: box.west, south: midLat - padLat, east: midLng + padLng, north: box.north },
        { west: midLng - padLng, south: midLat - padLat, east: box.east, north: box.north }
      ]
      const parts: ApiCrime[] = []
      for (const q of quarters) parts.push(...await fetchArea(q, month, depth + 1))
      return parts
    }
    if (!res.ok) throw new PoliceUkUnavailable(`police.uk answered ${res.status} for ${month}: try the sync again later`)
    return await res.json() as ApiCrime[]
  }

  const datesRes = await request('/crimes-street-dates')
  if (!datesRes.ok) throw new PoliceUkUnavailable(`police.uk answered ${datesRes.status} when asked which months it holds: try the sync again later`)
  const available = ((await datesRes.json()) as { date: string }[]).map(d => d.date).filter(d => /^\d{4}-\d{2}$/.test(d)).sort()
  const { rows: held } = await sql<{ month: string }>`select distinct to_char(month, 'YYYY-MM') as month from incidents where source = 'police_uk'`.execute(db)
  const heldMonths = new Set(held.map(r => r.month))
  const months = available.filter(m => !heldMonths.has(m))

  const ring = options.ring
  const box: Box = { west: Math.min(...ring.map(p => p[0])), east: Math.max(...ring.map(p => p[0])), south: Math.min(...ring.map(p => p[1])), north: Math.max(...ring.map(p => p[1])) }
  let imported = 0
  let updated = 0
  for (const month of months) {
    const seen = new Set<string>()
    const crimes = (await fetchArea(box, month, 0)).filter(c => {
      const lat = Number(c.location?.latitude)
      const lng = Number(c.location?.longitude)
      if (c.location && Number.isFinite(lat) && Number.isFinite(lng) && !pointInRing(lng, lat, ring)) return false
      const key = String(c.id ?? JSON.stringify(c))
      if (seen.has(key)) { stats.duplicates += 1; return false }
      seen.add(key)
      return true
    })
    const summary = await db.transaction().execute(trx => storeApiJson(trx, crimes, { tz: options.tz, userId: options.userId ?? null, fileName: `police.uk API ${month}` }))
    imported += summary.imported
    updated += summary.updated
  }
  return { months, imported, updated, ...stats }
}
