// Email: the outbox is sent every minute (and soon after anything is queued, see mail.plugin.ts);
// the daily digest goes out at 07:00 local time.
import type { JobDefinition } from '../plugins/cron.ts'
import { sendDueMail } from './mail.service.ts'
import { runDailyDigest } from './mail.digest.ts'
import { MAIL_SEND_JOB } from './mail.plugin.ts'
import { notificationsBetween } from '../notifications/notifications.public.ts'

export const mailJobs: JobDefinition[] = [
  {
    name: MAIL_SEND_JOB,
    schedule: '* * * * *',
    description: 'Send queued email; retry failed attempts with a growing delay',
    run: app => sendDueMail(app.db, app.mail, { appUrl: app.config.appUrl, clock: app.clock.now }),
    isIdle: stats => stats.claimed === 0
  },
  {
    name: 'mail-digest',
    schedule: '0 7 * * *',
    description: 'Queue each daily digest of notifications (for people who chose one)',
    run: app => runDailyDigest(app.db, {
      appUrl: app.config.appUrl, tzLocal: app.clock.tz, now: app.clock.now(),
      source: async (db, user, after, until) => (await notificationsBetween(db, user, after, until))
        .map(n => ({ kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt }))
    })
  }
]
