// Matching a free-text location ("The Kings Arms, Bishopsgate", as A&E staff type it) to the
// premises register, fuzzy but explainable. The text is split at its first comma into a name and
// a street; the name is compared with each premises name by edit distance (after lower-casing,
// dropping "the", apostrophes and punctuation, & as "and"), the street by whether its words are
// in the premises address. The answer is the best match, its score (0–1) and a sentence saying
// why, and a status: matched (score ≥ 0.85, clear of the next by 0.05), uncertain (≥ 0.6, or two
// close), unmatched. Uncertain and unmatched texts wait for an officer (location-matches.service.ts).
import { distance } from 'fastest-levenshtein'

export interface RegisterEntry { id: number; name: string; address: string }
export type Candidate = { premisesId: number; name: string; address: string; score: number; why: string }
export interface MatchResult { status: 'matched' | 'uncertain' | 'unmatched'; best: Candidate | null; candidates: Candidate[] }

export const MATCHED_SCORE = 0.85
export const UNCERTAIN_SCORE = 0.6
export const CLEAR_MARGIN = 0.05

const LEADING = /^(outside|near|inside|opposite|o\/s|at|in|by|rear of|front of|behind)\s+/

/** The key a location text is remembered by: lower case, single spaces, no punctuation at the ends. */
export function locationKey (text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '')
}

export function normaliseName (text: string): string {
  return text.toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^\s*the\s+/, '')
    // "Crosse Keys PH" and "Crosse Keys" are one pub: registers and A&E staff add or drop the suffix.
    .replace(/\s+(ph|pub|public house)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Street words as staff abbreviate them ("Gracechurch St"), written out as addresses have them. */
const ABBREVIATIONS: Record<string, string> = { st: 'street', rd: 'road', ln: 'lane', sq: 'square', pl: 'place', ave: 'avenue', ct: 'court', yd: 'yard', mkt: 'market' }

const words = (text: string) => normaliseName(text).split(' ').filter(w => w.length > 1).map(w => ABBREVIATIONS[w] ?? w)

export function similarity (a: string, b: string): number {
  if (!a || !b) return 0
  return 1 - distance(a, b) / Math.max(a.length, b.length)
}

/** How much of the street's words the address holds (1 when every word is there). */
function streetScore (street: string[], address: string): number {
  if (street.length === 0) return 0
  const addressWords = new Set(words(address))
  // A misspelt street word still counts when it is one edit from a word of the address.
  const found = street.filter(w => addressWords.has(w) || [...addressWords].some(a => a.length > 3 && distance(a, w) <= 1)).length
  return found / street.length
}

const round = (x: number) => Math.round(x * 1000) / 1000

export function matchLocation (text: string, register: readonly RegisterEntry[]): MatchResult {
  const cleaned = locationKey(text).replace(LEADING, '')
  const comma = cleaned.indexOf(',')
  const namePart = normaliseName(comma >= 0 ? cleaned.slice(0, comma) : cleaned)
  const street = comma >= 0 ? words(cleaned.slice(comma + 1)).filter(w => !/^(london|ec\d\w*|e\d\w*|\d+\w?)$/.test(w)) : []
  if (!namePart) return { status: 'unmatched', best: null, candidates: [] }
  const scored: Candidate[] = register.map(p => {
    const name = normaliseName(p.name)
    const nameScore = similarity(namePart, name)
    const streetPart = street.length ? streetScore(street, p.address) : null
    const score = streetPart === null ? nameScore : 0.8 * nameScore + 0.2 * streetPart
    const why = [`name "${namePart}" against "${p.name}": similarity ${nameScore.toFixed(2)}`]
    if (streetPart !== null) why.push(streetPart === 1 ? `"${street.join(' ')}" is in the address` : streetPart > 0 ? `part of "${street.join(' ')}" is in the address` : `"${street.join(' ')}" is not in the address`)
    return { premisesId: p.id, name: p.name, address: p.address, score: round(score), why: why.join('; ') }
  }).filter(c => c.score >= 0.4).sort((a, b) => b.score - a.score || a.premisesId - b.premisesId)
  const candidates = scored.slice(0, 5)
  const best = candidates[0] ?? null
  if (!best || best.score < UNCERTAIN_SCORE) return { status: 'unmatched', best, candidates }
  const second = candidates[1]
  const clear = !second || best.score - second.score >= CLEAR_MARGIN
  return { status: best.score >= MATCHED_SCORE && clear ? 'matched' : 'uncertain', best, candidates }
}
