// Counts in words agree with their number ("1 incident", never "1 incidents"): every count the
// client or the server writes before a countable noun goes through plural() (shared/plural.ts).
// The scan reads the source for a counted expression followed by a plural noun, in a template
// (`${n} incidents`) or in JSX ({n} incidents); fixed numbers (constants in capitals) may stay.
import t from 'tap'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { plural } from '../../shared/plural.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const NOUNS = ['incidents', 'cells', 'items', 'tests', 'flags', 'months', 'weeks', 'venues', 'criteria', 'results', 'files', 'rows',
  'answers', 'reports', 'concerns', 'cases', 'representations', 'visits', 'photos', 'users', 'points', 'applications', 'plans',
  'conditions', 'errors', 'matches', 'people', 'licences', 'notifications', 'days', 'hours', 'nights', 'minutes', 'records']
// `${expr} noun` or {expr} noun, not followed by "=" (a JSX attribute such as rows={3}).
const COUNTED = new RegExp(`\\$?\\{([^{}]{1,80})\\} (${NOUNS.join('|')})\\b(?!=)`, 'g')
/** A fixed number: a constant in capitals, or a member of one (TEN_LIMITS.hours). */
const FIXED = /^[A-Z][A-Z0-9_]*(\.[a-zA-Z]+)?$/

function sources (dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith('openapi.ts') ? [path] : []
  })
}

t.test('plural() agrees with its count', async t => {
  t.equal(plural(1, 'incident'), '1 incident')
  t.equal(plural(0, 'incident'), '0 incidents')
  t.equal(plural(1204, 'cell'), '1,204 cells')
  t.equal(plural(1, 'criterion', 'criteria'), '1 criterion')
})

t.test('no count is written before a plural noun without plural()', async t => {
  const found: string[] = []
  for (const file of [...sources(join(ROOT, 'client', 'src')), ...sources(join(ROOT, 'server'))]) {
    const lines = readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      for (const match of line.matchAll(COUNTED)) {
        const expr = match[1]!.trim()
        if (FIXED.test(expr) || /^sql\.|Math\.round\(hours/.test(expr)) continue
        // Words that are not counts: a label ("Monday hours"), a crime group ("theft incidents"), an attribute.
        if (/LABELS\[|\.join\(|prefix \+|^id$|^objective$|^application$|crimeGroup/.test(expr)) continue
        found.push(`${relative(ROOT, file)}:${i + 1}: ${match[0]}`)
      }
    })
  }
  t.same(found, [], 'every count before a noun uses plural()')
})
