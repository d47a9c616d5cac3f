// Two app instances on one PostgreSQL database send each queued message once: the mail-send job
// runs under its advisory lock, and the outbox claim (FOR UPDATE SKIP LOCKED) keeps even two
// senders that bypass the lock from taking the same message. Embedded: one process owns the
// database, and two runs at once in it still send each message once.
import t from 'tap'
import { connectDatabase } from '../../server/db/connect.ts'
import { queueMail, sendDueMail } from '../../server/mail/mail.service.ts'
import { startAppProcess, loginOver } from '../../bench/lib/app-process.ts'
import { BENCH_PASSWORD } from '../../bench/lib/database.ts'
import { prepareTarget, ROLE_EMAILS } from '../../bench/lib/prepared.ts'
import { build, testDatabaseMode } from '../helper.ts'
import { startSmtpServer } from '../fixtures/smtp.ts'

t.setTimeout(15 * 60 * 1000)
const pgUrl = testDatabaseMode() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined
const APP_URL = 'https://nightsafe.council.example'
const messages = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'test', to: `person${i}@example.org`, subject: `Message ${i}`, text: `Body ${i}`, link: `/notifications#${i}` }))

const subjectsOf = (received: { subject: string }[]) => received.map(m => m.subject).sort()
const expected = (n: number) => messages(n).map(m => m.subject).sort()

if (pgUrl) {
  t.test('two app processes on one PostgreSQL database send each message once', async t => {
    const smtp = await startSmtpServer(t)
    const target = await prepareTarget({ postgresAdminUrl: pgUrl, extra: async db => { await queueMail(db, messages(30)) } })
    t.teardown(() => target.cleanup())
    const env = { ...target.env, SMTP_URL: smtp.url, MAIL_FROM: 'nightsafe@council.example', APP_URL }
    const [a, b] = await Promise.all([startAppProcess({ env }), startAppProcess({ env })])
    t.teardown(() => Promise.all([a.stop(), b.stop()]))
    const admin = await loginOver(a.url, ROLE_EMAILS.admin, BENCH_PASSWORD)
    // Each instance is asked three times at once to run the sender.
    const answers = await Promise.all([a, b, a, b, a, b].map(app => fetch(`${app.url}/api/jobs/mail-send/run`, { method: 'POST', headers: admin }).then(r => r.json() as Promise<{ ran: boolean; stats?: { sent: number } }>)))
    const sentByRuns = answers.reduce((sum, answer) => sum + (answer.ran ? answer.stats?.sent ?? 0 : 0), 0)
    t.equal(sentByRuns, 30, `the runs sent 30 between them (${JSON.stringify(answers.map(x => x.ran ? x.stats?.sent : 'skipped'))})`)
    t.equal(smtp.received.length, 30, 'the SMTP server received 30 messages, not more')
    t.same(subjectsOf(smtp.received), expected(30), 'each message exactly once')
  })

  t.test('two senders that bypass the job lock still never send the same message twice', async t => {
    const smtp = await startSmtpServer(t)
    const config = { smtpUrl: smtp.url, mailFrom: 'nightsafe@council.example', appUrl: APP_URL }
    const first = await build(t, { config })
    const url = (first.dbHandle.pool as unknown as { options: { connectionString: string } }).options.connectionString
    const secondDb = await connectDatabase({ databaseUrl: url, dataDir: ':memory:', poolSize: 3 })
    t.teardown(() => secondDb.close())
    const second = await build(t, { config, database: secondDb })
    await queueMail(first.db, messages(120))
    const stats = await Promise.all([
      sendDueMail(first.db, first.mail, { appUrl: APP_URL }),
      sendDueMail(second.db, second.mail, { appUrl: APP_URL })
    ])
    t.equal(stats[0].sent + stats[1].sent, 120, `sent ${stats[0].sent} + ${stats[1].sent}`)
    t.same(subjectsOf(smtp.received), expected(120), 'each message exactly once')
  })
} else {
  t.test('embedded: two runs of the sender at once send each message once', async t => {
    const smtp = await startSmtpServer(t)
    const app = await build(t, { config: { smtpUrl: smtp.url, mailFrom: 'nightsafe@council.example', appUrl: APP_URL } })
    await queueMail(app.db, messages(20))
    const outcomes = await Promise.all([app.jobs.runNow('mail-send'), app.jobs.runNow('mail-send')])
    t.equal(outcomes.filter(o => o.ran).length, 1, 'one run; the other was refused')
    t.same(subjectsOf(smtp.received), expected(20), 'each message exactly once')
  })
}
