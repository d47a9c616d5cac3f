// The red/amber/green rule of the indicators (server/indicators/indicators.status.ts): which way
// is better, with and without a target, the 10% amber margin and its edges, and the words shown.
import t from 'tap'
import { statusOf, statusRule } from '../../server/indicators/indicators.status.ts'

const count = { unit: 'count' as const, better: 'lower' as const, label: 'January 2024 to December 2024' }
const venues = { unit: 'venues' as const, better: 'higher' as const, label: 'June 2025' }

t.test('lower is better, against a year earlier: below is green, the same or up to 10% above amber, more red', async t => {
  t.equal(statusOf({ ...count, value: 99, lastYear: 100 }).status, 'green')
  t.equal(statusOf({ ...count, value: 100, lastYear: 100 }).status, 'amber', 'the same is not an improvement')
  t.equal(statusOf({ ...count, value: 110, lastYear: 100 }).status, 'amber', '10% above is still amber')
  t.equal(statusOf({ ...count, value: 111, lastYear: 100 }).status, 'red')
  t.equal(statusOf({ ...count, value: 0, lastYear: 0 }).status, 'amber')
  t.equal(statusOf({ ...count, value: 99, lastYear: 100 }).reason, '99 for January 2024 to December 2024 against 100 a year earlier.')
  t.equal(statusRule(count), 'Green when the last 12 complete months are below the 12 months before; amber when the same or no more than 10% above; red when further above.')
})

t.test('higher is better, against a target: at or above is green, down to 90% amber, less red', async t => {
  t.equal(statusOf({ ...venues, target: 80, value: 80, lastYear: 10 }).status, 'green')
  t.equal(statusOf({ ...venues, target: 80, value: 72, lastYear: 90 }).status, 'amber', 'the target decides, not last year')
  t.equal(statusOf({ ...venues, target: 80, value: 71, lastYear: 90 }).status, 'red')
  t.equal(statusOf({ ...venues, target: 80, value: 52, lastYear: null }).reason, '52 venues for June 2025 against the target of 80 venues.')
  t.equal(statusRule({ ...venues, target: 80 }), 'Green when the latest complete month is at or above the target of 80 venues; amber when no more than 10% below it; red when further below.')
})

t.test('no figures: no status, said in words', async t => {
  t.same(statusOf({ ...count, value: null, lastYear: null }), { status: 'no_data', reason: 'No figures yet for January 2024 to December 2024.' })
  t.equal(statusOf({ unit: 'percent', better: 'higher', label: 'x', value: 50, lastYear: null }).status, 'no_data', 'a share with nothing to compare with')
})
