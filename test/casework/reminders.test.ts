// The daily casework reminders: three working days before a case's deadline and on the day,
// to the licensing team, through the notifications (and so mail's outbox); never twice.
import t from 'tap'
import { build, login } from '../helper.ts'
import { applicationCase, movableClock } from './case-fixtures.ts'

// Given Mon 2 Nov 2026: representations close at the end of Mon 30 Nov. Three working days
// before it is Wed 25 Nov (26, 27, 30 are the three working days after it).
t.test('officers are reminded before the last day for representations, once per stage, by email too', async t => {
  const clock = movableClock('2026-11-24')
  const app = await build(t, { config: { now: clock.now } })
  const officer = await login(app, 'officer')
  const { caseId } = await applicationCase(app, '2026-11-02')
  const reminders = async () => ((await app.inject({ url: '/api/notifications', headers: officer.headers })).json().items as { kind: string; title: string; link: string }[])
    .filter(n => n.kind === 'case_deadline')

  let outcome = await app.jobs.runNow('casework-reminders')
  t.match(outcome, { ran: true, ok: true, stats: { reminded: 0 } }, 'on 24 Nov the deadline is four working days away: no reminder')

  clock.set('2026-11-25')
  outcome = await app.jobs.runNow('casework-reminders')
  t.match(outcome, { ran: true, ok: true, stats: { reminded: 1 } })
  let got = await reminders()
  t.equal(got.length, 1)
  t.equal(got[0]!.link, `/cases/${caseId}`, 'it links to the case')
  t.match(got[0]!.title, /Last day for representations on 2026-11-30/, 'the reminder names the deadline and its date')
  const mail = await app.db.selectFrom('mailOutbox').select(['subject', 'toAddress']).where('subject', 'like', `Case ${caseId}%`).execute()
  t.ok(mail.length >= 1, 'the reminder is queued as email in the outbox')

  outcome = await app.jobs.runNow('casework-reminders')
  t.match(outcome, { stats: { reminded: 0 } }, 'a second run the same day sends nothing again')

  clock.set('2026-11-30')
  await app.jobs.runNow('casework-reminders')
  got = await reminders()
  t.equal(got.length, 2, 'and once more on the day')
  t.match(got.map(n => n.title).join('\n'), /Last day for representations today/)
})
