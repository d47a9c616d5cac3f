// Where mail goes: an SMTP server (SMTP_URL, through nodemailer), or without one a folder of
// .eml files (DATA_DIR/mail) that any mail program opens, or, with in-memory data (tests), only
// the log. The outbox keeps every message whichever is used.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Config } from '../config.ts'
import type { MailTransportKind } from '../../shared/schemas/mail.ts'

export interface OutgoingMail {
  id: number
  to: string
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
}

export interface MailTransport {
  kind: MailTransportKind
  /** The folder written to, for the administrator's outbox page. */
  folder: string | null
  send: (mail: OutgoingMail) => Promise<{ messageId: string | null }>
  close: () => void
}

type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailDir'>

export function createMailTransport (config: MailConfig): MailTransport {
  const message = (mail: OutgoingMail) => ({
    from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Nightsafe-Outbox-Id': String(mail.id), ...mail.headers }
  })

  if (config.smtpUrl) {
    // Timeouts so a silent server fails the attempt (and it is retried) instead of hanging the job.
    const smtp: Transporter = nodemailer.createTransport(config.smtpUrl, {
      connectionTimeout: 15000, greetingTimeout: 15000, socketTimeout: 30000
    } as never)
    return {
      kind: 'smtp',
      folder: null,
      async send (mail) {
        const info = await smtp.sendMail(message(mail))
        return { messageId: info.messageId ?? null }
      },
      close: () => smtp.close()
    }
  }

  const builder: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  const folder = config.mailDir
  return {
    kind: folder ? 'folder' : 'log',
    folder,
    async send (mail) {
      const info = await builder.sendMail(message(mail)) as { messageId?: string; message: Buffer }
      if (folder) {
        mkdirSync(folder, { recursive: true })
        // Written whole, then renamed, so a reader never opens half a message.
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`
        writeFileSync(join(folder, `.${name}.tmp`), info.message)
        renameSync(join(folder, `.${name}.tmp`), join(folder, name))
      }
      return { messageId: info.messageId ?? null }
    },
    close: () => builder.close()
  }
}
