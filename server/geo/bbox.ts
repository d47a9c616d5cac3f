// The one reading of a bbox query parameter (minLng,minLat,maxLng,maxLat in degrees), shared by
// every route that filters by one. The schema (shared/schemas/common.ts bboxParam) bounds the
// digits, so every number is finite; this checks the ranges and puts the corners in order.
import { fieldError } from '../errors.ts'
import { bboxParam } from '../../shared/schemas/common.ts'

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number]

export function parseBbox (value: string | undefined): Bbox | undefined {
  if (!value) return undefined
  const [a, b, c, d] = value.split(',').map(Number) as [number, number, number, number]
  const finite = [a, b, c, d].every(Number.isFinite)
  if (!finite || Math.abs(a) > 180 || Math.abs(c) > 180 || Math.abs(b) > 90 || Math.abs(d) > 90) {
    throw fieldError('bbox', `${bboxParam['x-message']}; longitudes lie between -180 and 180, latitudes between -90 and 90`)
  }
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]
}
