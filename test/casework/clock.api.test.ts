// GET /api/clock: the same answers as the shared module, for any logged-in role, and plain
// English for a bad date.
import t from 'tap'
import { build, login } from '../helper.ts'

t.test('the clock route counts working days for every role and refuses bad input in words', async t => {
  const app = await build(t)
  const police = await login(app, 'police')
  const manager = await login(app, 'manager')
  const get = (headers: Record<string, string>, query: Record<string, string>) => app.inject({ url: '/api/clock', query, headers })

  let res = await get(police.headers, { from: '2026-12-23', workingDays: '2' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { date: '2026-12-29' }, 'Christmas, the weekend and the Boxing Day substitute are skipped')
  res = await get(manager.headers, { from: '2026-12-23', to: '2027-01-04' })
  t.same(res.json(), { workingDaysBetween: 4 }, 'a venue manager may ask too; Thu 24, Tue 29, Wed 30, Thu 31 Dec')

  res = await get(police.headers, { from: '2026-02-30', workingDays: '1' })
  t.equal(res.statusCode, 400)
  t.equal(res.json().field, 'from')
  t.match(res.json().message, /Enter the start date as a real date .* for example 2026-12-24/)
  res = await get(police.headers, { from: '2026-12-23' })
  t.equal(res.statusCode, 400, 'neither workingDays nor to')
  t.match(res.json().message, /Give either workingDays/)
  res = await get(police.headers, { from: '2050-12-20', workingDays: '30' })
  t.equal(res.statusCode, 400, 'past the known years is a 400, not a 500')
  t.equal(res.json().field, 'workingDays')

  res = await app.inject({ url: '/api/clock', query: { from: '2026-12-23', workingDays: '2' } })
  t.equal(res.statusCode, 401, 'logged-in roles only')
})
