// Register search folds case, accents, apostrophes, "&"/"and" and punctuation, takes the words in
// any order and finds a licence holder, for officers and on the public register alike; the
// column the database computes (premises.search_text, its migration) agrees with
// foldForSearch in shared/ on awkward names.
import t from 'tap'
import { sql } from 'kysely'
import { build, json, login } from '../helper.ts'
import { createPremises } from '../fixtures/premises.ts'
import { foldForSearch } from '../../shared/search-fold.ts'

const app = await build(t)
const officer = await login(app, 'officer')
const hoop = await createPremises(app.db, { name: 'The Hoop & Grapes', address: '47 Aldgate High Street, London', postcode: 'EC3N 1AL', licenceHolder: 'Grapevine Inns Ltd' })
const oneills = await createPremises(app.db, { name: 'O’Neill’s Café-Bar', address: '1 Ludgate Hill, London', licenceHolder: 'Siobhán Ó Dálaigh' })
await createPremises(app.db, { name: 'The Red Lion', address: '8 Duke of York Street, London', licenceHolder: 'Lion Pubs plc' })

const found = async (q: string, publicRegister = false) => {
  const res = await app.inject({ url: `/api/${publicRegister ? 'public/' : ''}premises?q=${encodeURIComponent(q)}`, headers: publicRegister ? {} : officer.headers })
  t.equal(res.statusCode, 200, res.body)
  return (json(res).items as { id: number }[]).map(p => p.id)
}

t.test('"and" finds "&" and back, whatever the case and punctuation', async t => {
  for (const q of ['Hoop and Grapes', 'hoop & grapes', 'HOOP-&-GRAPES!', 'grapes hoop', '  hoop   grapes ']) {
    t.same(await found(q), [hoop.id], `"${q}"`)
    t.same(await found(q, true), [hoop.id], `"${q}" on the public register`)
  }
  t.same(await found('Hoop and Grapes and'), [hoop.id], 'the name as written with "&"')
})

t.test('apostrophes, accents and licence holders', async t => {
  t.same(await found("o'neills cafe"), [oneills.id], 'straight apostrophe for a curly one, no accent')
  t.same(await found('ONEILLS CAFÉ BAR'), [oneills.id])
  t.same(await found('Siobhan'), [oneills.id], 'the licence holder, without the accent')
  t.same(await found('grapevine'), [hoop.id], 'a licence holder company')
  t.same(await found('EC3N1AL'), [hoop.id], 'a postcode without its space')
  t.same(await found('ec3n 1al'), [hoop.id], 'and with it')
  t.same(await found('lion grapes'), [], 'every word must match')
  t.same((await found('%')).length, 3, 'a search with no letters or digits filters nothing out')
})

t.test('the database\'s folded column agrees with foldForSearch', async t => {
  const names = ['The Hoop & Grapes', 'O’Neill’s Café-Bar', 'ÀÉÎÕÜ Ça Ne Fait Rien', 'Łódź & Żabka', "Ye Olde `Cheshire' Cheese", 'No. 1 (Lime St.)  —  Bar/Kitchen', 'Straße 12']
  for (const name of names) {
    const p = await createPremises(app.db, { name, address: '', postcode: null, licenceNumber: null, licenceHolder: null })
    const row = (await sql<{ s: string }>`select search_text as s from premises where id = ${p.id}`.execute(app.db)).rows[0]!
    t.equal(row.s, foldForSearch(name), name)
  }
})
