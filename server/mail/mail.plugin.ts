// The mail transport of this instance (SMTP, folder or log, from configuration) and the key of its unsubscribe links as app.mail,
// closed with the app. With scheduled jobs on, a queued message wakes the sender within a
// couple of seconds instead of waiting for the next minute; the minute job is the guarantee.
import fp from 'fastify-plugin'
import { createMailTransport } from './mail.transport.ts'
import { mailQueued, type MailSender } from './mail.service.ts'
import { unsubscribeKeyFor } from './mail.unsubscribe.ts'

declare module 'fastify' {
  interface FastifyInstance { mail: MailSender }
}

export const MAIL_SEND_JOB = 'mail-send'
const NUDGE_DELAY_MS = 1500

export default fp(async function mailPlugin (app) {
  const transport = createMailTransport(app.config)
  app.decorate('mail', { transport, unsubscribeKey: unsubscribeKeyFor(app.config.jwtSecret) })

  let timer: NodeJS.Timeout | undefined
  const nudge = () => {
    if (timer) return
    // After a short delay, so the transaction that queued the message has committed.
    timer = setTimeout(() => {
      timer = undefined
      void app.jobs.runNow(MAIL_SEND_JOB).catch(error => app.log.warn({ err: error }, 'mail send after queueing failed'))
    }, NUDGE_DELAY_MS)
    timer.unref()
  }
  app.addHook('onReady', async () => {
    if (app.config.cron) mailQueued.on('queued', nudge)
    app.log.info({ transport: transport.kind, folder: transport.folder ?? undefined }, 'mail transport ready')
  })
  app.addHook('onClose', async () => {
    mailQueued.off('queued', nudge)
    if (timer) clearTimeout(timer)
    transport.close()
  })
}, { name: 'mail', dependencies: ['cron'] })
