// The password rules: at least 12 characters, not on the common-password list, not one piece
// repeated; refused in words beside the password field, wherever a password is set.
import t from 'tap'
import { build, login, TEST_PASSWORD } from '../helper.ts'
import { passwordProblem } from '../../server/auth/password-policy.ts'
import { DEMO_PASSWORD } from '../../server/demo/accounts.ts'
import { BENCH_PASSWORD } from '../../bench/lib/database.ts'

const TOO_SHORT = 'Choose a longer password: at least 12 characters'
const TOO_COMMON = 'That password is too common: choose another'
const ON_THE_LIST = 'Password1234'
const REPEATS = 'That password is too easy to guess because it repeats itself: choose another'

t.test('the rules', async t => {
  const cases: [string, string | undefined][] = [
    ['short', TOO_SHORT],
    ['elevenchars', TOO_SHORT],
    ['🍺🍺🍺🍺🍺🍺', TOO_SHORT],
    ['aaaaaaaaaaaa', TOO_COMMON],
    ['passwordpassword', TOO_COMMON],
    ['Password1234', TOO_COMMON],
    ['QWERTYUIOP12', TOO_COMMON],
    ['password 1234', TOO_COMMON],
    ['letmeinletmein', REPEATS],
    ['Nightsafe!Nightsafe!', REPEATS],
    [DEMO_PASSWORD, undefined],
    [TEST_PASSWORD, undefined],
    [BENCH_PASSWORD, undefined],
    ['coffee train window', undefined]
  ]
  for (const [password, expected] of cases) t.equal(await passwordProblem(password), expected, JSON.stringify(password))
})

t.test('creating and changing accounts applies the rules, and a refusal writes nothing', async t => {
  const app = await build(t)
  const admin = await login(app, 'admin')
  const create = (password: string, email = 'new.person@example.test') =>
    app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email, name: 'New Person', role: 'police', password } })
  for (const [password, message] of [['short', TOO_SHORT], ['aaaaaaaaaaaa', TOO_COMMON], ['passwordpassword', TOO_COMMON], ['letmeinletmein', REPEATS]] as const) {
    const res = await create(password)
    t.equal(res.statusCode, 400, `${password}: 400`)
    t.match(res.json(), { field: 'password', message }, `${password}: "${message}", beside the password field`)
  }
  t.equal((await app.db.selectFrom('users').select('id').where('email', '=', 'new.person@example.test').execute()).length, 0, 'no account was created')
  const created = await create('three random words here')
  t.equal(created.statusCode, 201, 'a long, uncommon password is accepted')

  const id = created.json().id
  const before = await app.db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirstOrThrow()
  const change = await app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin.headers, payload: { password: ON_THE_LIST } })
  t.equal(change.statusCode, 400)
  t.match(change.json(), { field: 'password', message: TOO_COMMON })
  const after = await app.db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirstOrThrow()
  t.equal(after.passwordHash, before.passwordHash, 'the password is unchanged')
})
