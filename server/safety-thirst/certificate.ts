// The award certificate: a printable HTML page and a one-page PDF (pdf-lib) with premises,
// tier, year, expiry and certificate number.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { TIER_LABELS, type Tier } from '../../shared/safety-thirst/tier.ts'
import { requirePremises } from '../premises/premises.public.ts'
import { loadApplication } from './applications.service.ts'
import { NoCertificate } from './safety-thirst.errors.ts'
import { winAnsi } from '../http/pdf-text.ts'

export interface Certificate { premisesName: string; address: string; tier: Tier; tierLabel: string; year: number; validUntil: string; certificateNumber: string; expired: boolean }

export async function certificateFor (db: Db, user: CurrentUser, id: number): Promise<Certificate> {
  const row = await loadApplication(db, user, id)
  if (!['decided', 'expired'].includes(row.status) || !row.tier || row.tier === 'not_accredited' || !row.certificateNumber) {
    throw new NoCertificate(`Application ${id} has no certificate: it is ${row.status}${row.tier ? ` (${TIER_LABELS[row.tier]})` : ''}`)
  }
  const premises = await requirePremises(db, row.premisesId)
  return {
    premisesName: premises.name, address: [premises.address, premises.postcode].filter(Boolean).join(', '),
    tier: row.tier, tierLabel: TIER_LABELS[row.tier], year: row.year, validUntil: row.validUntil!, certificateNumber: row.certificateNumber, expired: row.status === 'expired'
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!))

export function longDate (iso: string): string {
  return new Date(iso + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

export function certificateHtml (c: Certificate): string {
  const e = escapeHtml
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Safety Thirst certificate ${e(c.certificateNumber)}</title>
<style>
  body { font-family: Georgia, 'Times New Roman', serif; color: #1b1f2a; margin: 0; background: #f3f1ea; }
  .sheet { max-width: 780px; margin: 2rem auto; background: #fff; border: 10px double #1d3a6b; padding: 3rem 3.5rem; text-align: center; }
  h1 { font-size: 2.4rem; margin: .2rem 0 1rem; color: #1d3a6b; letter-spacing: .04em; }
  .scheme { text-transform: uppercase; letter-spacing: .2em; font-size: .9rem; color: #555; }
  .premises { font-size: 1.8rem; font-weight: bold; margin: 1.5rem 0 .2rem; }
  .tier { font-size: 2rem; margin: 1.5rem 0; color: #7a5b00; }
  dl { display: inline-grid; grid-template-columns: max-content auto; gap: .3rem 1rem; text-align: left; margin-top: 1rem; }
  dt { font-weight: bold; } dd { margin: 0; }
  .expired { color: #8c1d16; font-weight: bold; }
  .hint { font-family: system-ui, sans-serif; font-size: .85rem; color: #555; text-align: center; }
  @media print { body { background: #fff; } .sheet { margin: 0; border-width: 8px; } .hint { display: none; } @page { size: A4 landscape; margin: 12mm; } }
</style></head>
<body>
<main class="sheet">
  <p class="scheme">City of London · Safety Thirst accreditation scheme</p>
  <h1>Certificate of Accreditation</h1>
  <p>This is to certify that</p>
  <p class="premises">${e(c.premisesName)}</p>
  <p>${e(c.address)}</p>
  <p>has been awarded</p>
  <p class="tier" data-tier="${e(c.tier)}">${e(c.tierLabel)}</p>
  <dl>
    <dt>Scheme year</dt><dd>${c.year}</dd>
    <dt>Valid until</dt><dd>${e(longDate(c.validUntil))}</dd>
    <dt>Certificate number</dt><dd>${e(c.certificateNumber)}</dd>
  </dl>
  ${c.expired ? '<p class="expired">This certificate has expired.</p>' : ''}
  <p>Awarded by the City of London Corporation with the City of London Police and the London Fire Brigade.</p>
</main>
<p class="hint">Use your browser's Print command to print this certificate.</p>
</body></html>`
}

export async function certificatePdf (c: Certificate): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`Safety Thirst certificate ${c.certificateNumber}`)
  pdf.setCreator('Nightsafe')
  const page = pdf.addPage([842, 595]) // A4 landscape
  const regular = await pdf.embedFont(StandardFonts.TimesRoman)
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold)
  const blue = rgb(0.11, 0.23, 0.42)
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: blue, borderWidth: 4 })
  page.drawRectangle({ x: 34, y: 34, width: 774, height: 527, borderColor: blue, borderWidth: 1 })
  const centre = (text: string, y: number, size: number, font = regular, color = rgb(0.1, 0.1, 0.12)) => {
    const safe = winAnsi(text)
    let fontSize = size
    while (font.widthOfTextAtSize(safe, fontSize) > 720 && fontSize > 8) fontSize -= 1
    page.drawText(safe, { x: (842 - font.widthOfTextAtSize(safe, fontSize)) / 2, y, size: fontSize, font, color })
  }
  centre('CITY OF LONDON - SAFETY THIRST ACCREDITATION SCHEME', 515, 13)
  centre('Certificate of Accreditation', 465, 34, bold, blue)
  centre('This is to certify that', 420, 15)
  centre(c.premisesName, 385, 28, bold)
  centre(c.address, 358, 13)
  centre('has been awarded', 320, 15)
  centre(c.tierLabel, 275, 32, bold, rgb(0.48, 0.36, 0))
  centre(`Scheme year ${c.year}   ·   Valid until ${longDate(c.validUntil)}`, 220, 15)
  centre(`Certificate number ${c.certificateNumber}`, 195, 15)
  if (c.expired) centre('This certificate has expired.', 160, 15, bold, rgb(0.55, 0.11, 0.09))
  centre('Awarded by the City of London Corporation with the City of London Police and the London Fire Brigade.', 80, 12)
  return pdf.save()
}
