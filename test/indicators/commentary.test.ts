// The quarterly report's sentence of commentary: the percentage and its direction, a baseline of
// zero, equal figures, no figures, shares in percentage points, plural titles and counts of one,
// and a quarter not over.
import t from 'tap'
import { commentary } from '../../server/indicators/indicators.commentary.ts'

const nte = { title: 'Violence on Friday and Saturday nights', pluralTitle: false, unit: 'count' as const, soFar: false }

t.test('a count against last year: the change as a whole percentage, above or below', async t => {
  t.equal(commentary({ ...nte, value: 12, lastYear: 14 }), 'Violence on Friday and Saturday nights was 14% below the same quarter last year (12 records against 14).')
  t.equal(commentary({ ...nte, value: 15, lastYear: 10 }), 'Violence on Friday and Saturday nights was 50% above the same quarter last year (15 records against 10).')
  t.equal(commentary({ ...nte, value: 1001, lastYear: 1000 }), 'Violence on Friday and Saturday nights was less than 1% above the same quarter last year (1,001 records against 1,000).', 'a change under 1% is not "0%"')
  t.equal(commentary({ ...nte, value: 0, lastYear: 3 }), 'Violence on Friday and Saturday nights was 100% below the same quarter last year (0 records against 3).')
  t.equal(commentary({ ...nte, value: 1, lastYear: 2 }), 'Violence on Friday and Saturday nights was 50% below the same quarter last year (1 record against 2).', 'one record, singular')
  t.equal(commentary({ title: 'Anti-social behaviour repeat locations', pluralTitle: true, unit: 'count', noun: 'place', soFar: false, value: 1, lastYear: 0 }), 'Anti-social behaviour repeat locations were 1 place, up from none in the same quarter last year.', 'a count of places says places')
})

t.test('a baseline of zero has no percentage', async t => {
  t.equal(commentary({ ...nte, value: 4, lastYear: 0 }), 'Violence on Friday and Saturday nights was 4 records, up from none in the same quarter last year.')
  t.equal(commentary({ ...nte, value: 0, lastYear: 0 }), 'Violence on Friday and Saturday nights was the same as the same quarter last year (0 records).')
})

t.test('equal figures are "the same as"', async t => {
  t.equal(commentary({ ...nte, value: 7, lastYear: 7 }), 'Violence on Friday and Saturday nights was the same as the same quarter last year (7 records).')
  t.equal(commentary({ title: 'Venues accredited by Safety Thirst', pluralTitle: true, unit: 'venues', soFar: false, value: 1, lastYear: 1 }), 'Venues accredited by Safety Thirst were the same as the same quarter last year (1 venue).', 'a plural title takes "were"; one venue')
})

t.test('no figures a year earlier, or none this quarter', async t => {
  t.equal(commentary({ ...nte, value: 5, lastYear: null }), 'Violence on Friday and Saturday nights was 5 records, and there are no figures for the same quarter last year to compare with.')
  const share = { title: 'Concerns about venues answered within 2 days', pluralTitle: true, unit: 'percent' as const, soFar: false }
  t.equal(commentary({ ...share, value: null, lastYear: 50 }), 'There are no figures for concerns about venues answered within 2 days this quarter; the same quarter last year it was 50%.')
  t.equal(commentary({ ...share, value: null, lastYear: null }), 'There are no figures for concerns about venues answered within 2 days this quarter.')
})

t.test('a share moves in percentage points', async t => {
  const share = { title: 'Share of night-time incidents attributed to venues', pluralTitle: false, unit: 'percent' as const, soFar: false }
  t.equal(commentary({ ...share, value: 42.5, lastYear: 39.3 }), 'Share of night-time incidents attributed to venues was 42.5%, 3.2 percentage points above the same quarter last year (39.3%).')
  t.equal(commentary({ ...share, value: 40, lastYear: 41 }), 'Share of night-time incidents attributed to venues was 40%, 1 percentage point below the same quarter last year (41%).')
  t.equal(commentary({ ...share, value: 20, lastYear: 0 }), 'Share of night-time incidents attributed to venues was 20%, 20 percentage points above the same quarter last year (0%).', 'a share from zero still has points')
})

t.test('a quarter not over is "so far", against the same months last year', async t => {
  t.equal(commentary({ ...nte, soFar: true, value: 6, lastYear: 8 }), 'So far this quarter, violence on Friday and Saturday nights was 25% below the same months last year (6 records against 8).')
  t.equal(commentary({ ...nte, title: 'NTE violence', soFar: true, value: 6, lastYear: 6 }), 'So far this quarter, NTE violence was the same as the same months last year (6 records).', 'an abbreviation keeps its capitals')
})
