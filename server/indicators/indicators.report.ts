// The quarterly report to the Strategy Group as a PDF (pdf-lib, A4, as many pages as it takes):
// a title page naming the quarter and the day it was made, then each priority with each of its
// indicators: the sentence of commentary, the quarter against the same quarter last year, the
// target and status in words, and a bar chart of the quarter's months against last year.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { INDICATOR_STATUS_LABELS, type IndicatorUnit, type QuarterIndicator, type QuarterReport } from '../../shared/schemas/indicators.ts'
import { winAnsi, wrapText } from '../http/pdf-text.ts'
import { figureInWords } from './indicators.commentary.ts'

const A4 = [595.28, 841.89] as const
const MARGIN = 56
const WIDTH = A4[0] - 2 * MARGIN
const INK = rgb(0.1, 0.1, 0.12)
const THIS_YEAR = rgb(0.11, 0.34, 0.55)
const LAST_YEAR = rgb(0.72, 0.76, 0.8)
const CHART_HEIGHT = 70
/** The room an indicator needs before it starts, so its chart is not split from its title. */
const INDICATOR_ROOM = 250

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const longDate = (date: string) => new Date(date + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const figure = (unit: IndicatorUnit, n: number | null, noun?: string) => n === null ? 'no figures' : figureInWords(unit, n, noun)

class Writer {
  page!: PDFPage
  y = 0
  constructor (readonly pdf: PDFDocument, readonly regular: PDFFont, readonly bold: PDFFont) {}
  newPage () { this.page = this.pdf.addPage([...A4]); this.y = A4[1] - MARGIN }
  room (points: number) { if (this.y - points < MARGIN) this.newPage() }
  text (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = options.size ?? 10.5
    const font = options.bold ? this.bold : this.regular
    for (const line of wrapText(text, font, size, WIDTH)) {
      this.room(size)
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: INK })
      this.y -= size * 1.35
    }
    this.y -= options.gap ?? 4
  }

  /** Two bars per month, this year's and last year's, scaled to the larger of all six. */
  chart (indicator: QuarterIndicator, year: number) {
    const size = 8
    this.room(CHART_HEIGHT + 40)
    const top = this.y
    const base = top - CHART_HEIGHT
    const values = indicator.months.flatMap(m => [m.value ?? 0, m.lastYear ?? 0])
    const max = Math.max(...values, 1)
    const group = WIDTH * 0.6 / 3
    const bar = group * 0.3
    this.page.drawLine({ start: { x: MARGIN, y: base }, end: { x: MARGIN + group * 3, y: base }, thickness: 0.5, color: INK })
    indicator.months.forEach((m, i) => {
      const x = MARGIN + i * group + group * 0.15
      for (const [k, v, colour] of [[0, m.value, THIS_YEAR], [1, m.lastYear, LAST_YEAR]] as const) {
        const h = (v ?? 0) / max * (CHART_HEIGHT - 12)
        const left = x + k * (bar + 2)
        if (h > 0) this.page.drawRectangle({ x: left, y: base, width: bar, height: h, color: colour })
        const label = v === null ? '-' : indicator.unit === 'percent' ? `${v}%` : String(v)
        this.page.drawText(winAnsi(label), { x: left, y: base + h + 2, size: 7, font: this.regular, color: INK })
      }
      const month = Number(m.month.slice(5, 7)) - 1
      this.page.drawText(`${MONTHS[month]}${m.partial ? ' (so far)' : ''}`, { x, y: base - size - 3, size, font: this.regular, color: INK })
    })
    // The legend, beside the bars.
    const lx = MARGIN + group * 3 + 16
    for (const [i, text, colour] of [[0, String(year), THIS_YEAR], [1, String(year - 1), LAST_YEAR]] as const) {
      const ly = top - 14 - i * 14
      this.page.drawRectangle({ x: lx, y: ly, width: 9, height: 9, color: colour })
      this.page.drawText(text, { x: lx + 14, y: ly + 1, size, font: this.regular, color: INK })
    }
    this.y = base - size - 14
  }
}

export function reportFileName (year: number, quarter: number, ext: 'pdf' | 'csv') {
  return `nightsafe-strategy-group-${year}-q${quarter}.${ext}`
}

export async function quarterlyReportPdf (report: QuarterReport): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const period = `${report.label}${report.soFar ? ' (so far)' : ''}`
  pdf.setTitle(winAnsi(`Safer City Partnership indicators: quarter ${report.quarter} of ${report.year}`))
  pdf.setCreator('Nightsafe')
  const w = new Writer(pdf, await pdf.embedFont(StandardFonts.Helvetica), await pdf.embedFont(StandardFonts.HelveticaBold))

  w.newPage()
  w.y -= 160
  w.text('Safer City Partnership', { size: 14, gap: 10 })
  w.text('Quarterly report to the Strategy Group', { size: 22, bold: true, gap: 14 })
  w.text(`Quarter ${report.quarter} of ${report.year}: ${period}`, { size: 16, gap: 24 })
  w.text(`Made on ${longDate(report.asOf)}, with figures to that day.`, { gap: 6 })
  if (report.soFar) w.text('The quarter is not over: its figures are so far, and each is compared with the same months of last year.', { gap: 6 })
  w.text('Each indicator shows the quarter against the same quarter a year earlier, its target where there is one, and its status by the rule on the indicators page of Nightsafe, which also says what each indicator counts and where its figures come from.', { gap: 6 })

  for (const priority of report.priorities) {
    w.newPage()
    w.text(priority.title, { size: 18, bold: true, gap: 4 })
    w.text(priority.aim, { gap: 14 })
    if (priority.indicators.length === 0) w.text(priority.note ?? 'No indicators for this priority yet.', { gap: 12 })
    for (const indicator of priority.indicators) {
      w.room(INDICATOR_ROOM)
      w.text(indicator.title, { size: 13, bold: true, gap: 4 })
      w.text(indicator.commentary, { gap: 6 })
      w.text(`${period}: ${figure(indicator.unit, indicator.value, indicator.noun)}. The same ${report.soFar ? 'months' : 'quarter'} last year: ${figure(indicator.unit, indicator.lastYear, indicator.noun)}.`, { gap: 2 })
      w.text(`Target: ${indicator.target === undefined ? 'none set' : figure(indicator.unit, indicator.target, indicator.noun)}.`, { gap: 2 })
      w.text(`Status: ${INDICATOR_STATUS_LABELS[indicator.status]}. ${indicator.statusReason}`, { gap: 10 })
      w.chart(indicator, report.year)
    }
  }
  return pdf.save()
}
