// Turns a stored outbox row into the message that leaves: the text as written, the link made
// absolute with APP_URL (applied when sending, so a changed APP_URL fixes queued mail too), a
// footer saying why the person gets it, and an HTML part built from the same text.
import type { OutboxRow } from './mail.repository.ts'

export const PREFERENCES_PATH = '/account/email'
/** Kinds that a person's email preferences control (the others are always sent). */
export const PREFERENCE_KINDS = new Set(['notification', 'digest'])

type Renderable = Pick<OutboxRow, 'kind' | 'subject' | 'bodyText' | 'bodyHtml' | 'link' | 'linkLabel' | 'linkSecret'>

export interface RenderedMail { subject: string; text: string; html: string }

const REMOVED = '(The link in this email worked once and has been removed from the stored copy.)'

export function absoluteLink (appUrl: string, link: string): string {
  return /^https?:\/\//.test(link) ? link : appUrl + (link.startsWith('/') ? link : '/' + link)
}

function footerOf (row: Renderable, appUrl: string, unsubscribeLine?: string): string {
  const why = PREFERENCE_KINDS.has(row.kind)
    ? `You get this email because you have a Nightsafe account. Choose which emails you get: ${appUrl}${PREFERENCES_PATH}`
    : 'Nightsafe sends this email automatically; replies are not read.'
  return unsubscribeLine ? `${why}\n${unsubscribeLine}` : why
}

/** The message as it leaves; `unsubscribeLine` is the footer's "Stop …: link" (mail.unsubscribe.ts). */
export function renderMail (row: Renderable, appUrl: string, unsubscribeLine?: string): RenderedMail {
  const link = row.link ? absoluteLink(appUrl, row.link) : null
  const parts = [row.bodyText.trim()]
  if (link) parts.push(`${row.linkLabel ?? 'Open it in Nightsafe'}:\n${link}`)
  else if (row.linkSecret) parts.push(REMOVED)
  const footer = footerOf(row, appUrl, unsubscribeLine)
  const text = `${parts.join('\n\n')}\n\n-- \n${footer}\n`
  const html = row.bodyHtml ?? htmlOf(row, link, footer)
  return { subject: row.subject, text, html }
}

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]!))
}

/** Paragraphs of escaped text; bare URLs become links. */
function paragraphs (text: string): string {
  return text.trim().split(/\n{2,}/).map(block => {
    const escaped = escapeHtml(block).replace(/https?:\/\/[^\s<]+/g, url => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br>')
    return `<p style="margin:0 0 16px">${escaped}</p>`
  }).join('\n')
}

function htmlOf (row: Renderable, link: string | null, footer: string): string {
  const button = link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="background:#1d4f91;color:#ffffff;padding:12px 18px;text-decoration:none;border-radius:4px;display:inline-block">${escapeHtml(row.linkLabel ?? 'Open it in Nightsafe')}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#505a5f">Or copy this address into your browser: ${escapeHtml(link)}</p>`
    : row.linkSecret ? `<p>${escapeHtml(REMOVED)}</p>` : ''
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(row.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;margin:0;padding:16px;max-width:600px">
${paragraphs(row.bodyText)}
${button}
<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0">
<p style="font-size:14px;color:#505a5f">${paragraphs(footer).replace(/<\/?p[^>]*>/g, '')}</p>
</body></html>
`
}
