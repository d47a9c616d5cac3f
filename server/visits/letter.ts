// The summary letter to the venue after a visit, as a PDF (pdf-lib, A4, as many pages as it
// takes): who visited and when, what was checked, each condition found not complied with the
// officer's note, the findings, and the actions with their owners and due dates.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { Db } from '../db/types.ts'
import { findPremisesRecord, PremisesNotFound } from '../premises/premises.public.ts'
import { winAnsi, wrapText } from '../http/pdf-text.ts'
import { localDate, localParts } from '../../shared/dates.ts'
import { CHECKLIST_RESULT_LABELS, VISIT_KIND_LABELS, type Visit } from '../../shared/schemas/visits.ts'
import { loadVisit } from './visits.service.ts'
import { plural } from '../../shared/plural.ts'

const A4 = [595.28, 841.89] as const
const MARGIN = 56
const WIDTH = A4[0] - 2 * MARGIN

const longDate = (date: string) => new Date(date + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const clockTime = (instant: string, tz: string) => { const p = localParts(new Date(instant), tz); return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` }

class Writer {
  page!: PDFPage
  y = 0
  constructor (readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) { this.newPage() }
  newPage () { this.page = this.pdf.addPage([...A4]); this.y = A4[1] - MARGIN }
  text (text: string, options: { size?: number; bold?: boolean; gap?: number; indent?: number } = {}) {
    const size = options.size ?? 11
    const font = options.bold ? this.bold : this.regular
    for (const line of wrapText(text, font, size, WIDTH - (options.indent ?? 0))) {
      if (this.y < MARGIN + size) this.newPage()
      this.page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: this.y - size, size, font, color: rgb(0.1, 0.1, 0.12) })
      this.y -= size * 1.35
    }
    this.y -= options.gap ?? 4
  }
}

export interface Letter { visit: Visit; fileName: string; bytes: Uint8Array }

export async function visitLetter (db: Db, visitId: string, tz: string, today: string): Promise<Letter> {
  const visit = await loadVisit(db, visitId)
  const premises = await findPremisesRecord(db, visit.premisesId)
  if (!premises) throw new PremisesNotFound(String(visit.premisesId))
  const pdf = await PDFDocument.create()
  pdf.setTitle(winAnsi(`Visit to ${premises.name} on ${localDate(new Date(visit.startedAt), tz)}`))
  pdf.setCreator('Nightsafe')
  const w = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold))
  const day = localDate(new Date(visit.startedAt), tz)
  const counts = Object.fromEntries(Object.keys(CHECKLIST_RESULT_LABELS).map(r => [r, visit.checklist.filter(a => a.result === r).length]))
  const breaches = visit.checklist.filter(a => a.result === 'not_complied')

  w.text('City of London Corporation - Licensing Service', { size: 10, gap: 2 })
  w.text(longDate(today), { size: 10, gap: 16 })
  w.text(premises.licenceHolder ?? 'The premises licence holder', { gap: 0 })
  w.text(premises.name, { gap: 0 })
  w.text([premises.address, premises.postcode].filter(Boolean).join(', '), { gap: 0 })
  if (premises.licenceNumber) w.text(`Premises licence ${premises.licenceNumber}`, { gap: 14 })
  w.text(`${VISIT_KIND_LABELS[visit.kind]} on ${longDate(day)}`, { size: 14, bold: true, gap: 8 })
  w.text(`Dear ${premises.licenceHolder ?? 'licence holder'},`, { gap: 8 })
  const until = visit.endedAt ? ` until ${clockTime(visit.endedAt, tz)}` : ''
  const who = visit.attendees.length ? ` by ${visit.attendees.map(a => a.organisation ? `${a.name} (${a.organisation})` : a.name).join(', ')}` : ''
  w.text(`${premises.name} was visited${who} from ${clockTime(visit.startedAt, tz)}${until} on ${longDate(day)}. ` +
    `We checked ${plural(visit.checklist.length, 'item')} of the licence: ${counts.complied} complied, ${counts.not_complied} not complied and ${counts.not_seen} not seen on the night.`, { gap: 12 })
  if (breaches.length) {
    w.text('Not complied', { size: 12, bold: true })
    for (const b of breaches) {
      w.text(`- ${b.label}`, { indent: 8, gap: 0 })
      if (b.note) w.text(`What we saw: ${b.note}`, { indent: 18, size: 10 })
    }
    w.y -= 8
  }
  if (visit.findings.trim()) {
    w.text('Findings', { size: 12, bold: true })
    w.text(visit.findings, { gap: 12 })
  }
  if (visit.actions.length) {
    w.text('What needs to be done', { size: 12, bold: true })
    for (const a of visit.actions) w.text(`- ${a.text} (by ${longDate(a.dueOn)}${a.owner ? `; ${a.owner}` : ''})`, { indent: 8, gap: 2 })
    w.y -= 8
  }
  if (visit.photos.length) w.text(`${visit.photos.length} photograph${visit.photos.length === 1 ? ' was' : 's were'} taken and are kept on the licensing record.`, { gap: 12 })
  if (breaches.length) w.text('Each condition not complied with counts towards the premises\' points on the City\'s traffic-light scheme; remedies put in place earn credit.', { size: 10, gap: 12 })
  w.text('Please contact the Licensing Service if anything in this letter is not as you understand it.', { gap: 16 })
  w.text('Yours faithfully,', { gap: 2 })
  w.text('Licensing Service, City of London Corporation')
  return { visit, fileName: `visit-${day}-${visit.id.slice(0, 8)}.pdf`, bytes: await pdf.save() }
}
