// Unit tests of the per-section word diff, the date helpers and the template checks.
import t from 'tap'
import { diffText, hasChanges } from '../../shared/plans/diff.ts'
import { addYears } from '../../shared/dates.ts'
import { missingSections, PLAN_TEMPLATES } from '../../shared/plans/templates.ts'

const rebuild = (parts: { op: string; text: string }[], side: 'before' | 'after') =>
  parts.filter(p => p.op === 'equal' || p.op === (side === 'before' ? 'delete' : 'insert')).map(p => p.text).join('')

t.test('the diff marks the changed words and reproduces both texts', async t => {
  const before = 'Doors close at 23:00 and the limiter is set to 85 dB.'
  const after = 'Doors and windows close at 22:30 and the limiter is set to 85 dB.'
  const parts = diffText(before, after)
  t.equal(rebuild(parts, 'before'), before)
  t.equal(rebuild(parts, 'after'), after)
  t.ok(parts.some(p => p.op === 'delete' && p.text.includes('23:00')), 'the old time is deleted')
  t.ok(parts.some(p => p.op === 'insert' && p.text.includes('22:30')), 'the new time is inserted')
  t.ok(parts.some(p => p.op === 'insert' && p.text.includes('windows')), 'added words are inserted')
  t.notOk(parts.some(p => p.op !== 'equal' && p.text.includes('limiter')), 'unchanged words stay equal')
})

t.test('identical texts have no changes; a new section is one insertion', async t => {
  t.notOk(hasChanges(diffText('same text', 'same text')))
  t.same(diffText('', 'brand new'), [{ op: 'insert', text: 'brand new' }])
  t.same(diffText('gone', ''), [{ op: 'delete', text: 'gone' }])
})

t.test('very long texts fall back to a line diff and still reproduce both sides', async t => {
  const before = Array.from({ length: 3000 }, (_, i) => `line ${i} words here`).join('\n')
  const after = before.replace('line 1500 words here', 'line 1500 changed here')
  const parts = diffText(before, after)
  t.equal(rebuild(parts, 'after'), after)
  t.ok(parts.some(p => p.op === 'insert' && p.text.includes('changed')))
})

t.test('a review date is a year on, 29 February rolling back', async t => {
  t.equal(addYears('2025-03-01', 1), '2026-03-01')
  t.equal(addYears('2024-02-29', 1), '2025-02-28')
})

t.test('templates have the required sections and blank text counts as missing', async t => {
  t.equal(PLAN_TEMPLATES.noise_management_plan.sections.length, 6)
  t.equal(PLAN_TEMPLATES.dispersal_policy.sections.length, 8)
  t.ok(PLAN_TEMPLATES.dispersal_policy.sections.every(s => s.guidance.length > 40), 'every section has guidance')
  t.same(missingSections('noise_management_plan', { premises_context: 'x', noise_sources: '  ' }), ['noise_sources', 'monitoring', 'complaints', 'staff_training', 'review'])
})
