// One indicator's months: this year against last year (uPlot), with the same figures as a table
// for screen readers and for print.
import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { TableScroll } from '../../components/table.tsx'
import { fitWidth } from '../../components/chart.ts'
import type { Indicator } from '../../../../shared/schemas/indicators.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const monthLabel = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export const formatFigure = (unit: Indicator['unit'], value: number | null | undefined) =>
  value === null || value === undefined ? '–' : unit === 'percent' ? `${value}%` : value.toLocaleString('en-GB')

export function IndicatorChart ({ indicator, year }: { indicator: Indicator; year: number }) {
  const element = useRef<HTMLDivElement>(null)
  const { months, unit } = indicator
  useEffect(() => {
    if (!element.current) return
    const plot = new uPlot({
      width: Math.min(560, element.current.clientWidth || 560), height: 220,
      series: [
        { label: 'Month', value: (_u, v) => v == null ? '' : MONTHS[v - 1] ?? '' },
        { label: String(year), stroke: '#1d2b53', width: 2, points: { show: true } },
        { label: String(year - 1), stroke: '#8a8f9c', dash: [6, 4], width: 2 }
      ],
      axes: [{ values: (_u, ticks) => ticks.map(t => MONTHS[t - 1] ?? '') }, { label: unit === 'percent' ? 'Per cent' : unit === 'venues' ? 'Venues' : 'Per month' }],
      scales: { x: { time: false, range: [1, 12] }, y: { range: (_u, min, max) => [0, Math.max(1, max ?? min ?? 1)] } }
    }, [months.map((_, i) => i + 1), months.map(m => m.value), months.map(m => m.lastYear)], element.current)
    const stop = fitWidth(plot, element.current, 560)
    return () => { stop(); plot.destroy() }
  }, [months, unit, year])
  return (
    <figure class="indicator-figure">
      <div ref={element} class="chart-box" aria-hidden="true" data-testid={`chart-${indicator.key}`} />
      <figcaption>
        <details class="indicator-table">
          <summary>The figures by month</summary>
          <TableScroll label={`${indicator.title}: figures by month (scrolls sideways)`}>
            <table class="table" data-testid={`table-${indicator.key}`}>
              <caption class="visually-hidden">{indicator.title}, {year} against {year - 1}</caption>
              <thead><tr><th scope="col">Month</th><th scope="col" class="num">{year}</th><th scope="col" class="num">Same month {year - 1}</th></tr></thead>
              <tbody>{months.map(m => (
                <tr key={m.month}>
                  <th scope="row">{monthLabel(m.month)}{m.partial ? ' (so far)' : ''}</th>
                  <td class="num">{formatFigure(unit, m.value)}</td>
                  <td class="num">{formatFigure(unit, m.lastYear)}</td>
                </tr>
              ))}</tbody>
            </table>
          </TableScroll>
        </details>
      </figcaption>
    </figure>
  )
}
