// Monthly incident counts by category with the same months a year earlier (dashed), drawn with
// uPlot; a table of the same numbers follows for screen readers and print.
import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { Trend } from '../../../../shared/schemas/incidents.ts'
import { categoryLabel } from './format.ts'
import { TableScroll } from '../../components/table.tsx'
import { fitWidth } from '../../components/chart.ts'

const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#b45309', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#334155', '#c2410c']

export function TrendChart ({ trend, title = 'Incidents per month' }: { trend: Trend; title?: string }) {
  const element = useRef<HTMLDivElement>(null)
  const top = [...trend.series].sort((a, b) => b.counts.reduce((x, y) => x + y, 0) - a.counts.reduce((x, y) => x + y, 0)).slice(0, 6)
  useEffect(() => {
    if (!element.current || trend.months.length === 0) return
    const xs = trend.months.map(m => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000)
    const series: uPlot.Series[] = [{}, { label: 'All (this year)', stroke: '#111827', width: 2 }, { label: 'All (a year earlier)', stroke: '#6b7280', dash: [6, 4], width: 2 }]
    const data: uPlot.AlignedData = [xs, trend.totals.counts, trend.totals.previousYear]
    top.forEach((s, i) => {
      series.push({ label: categoryLabel(s.category), stroke: COLOURS[i % COLOURS.length], width: 1.5 })
      data.push(s.counts)
    })
    const width = Math.min(element.current.clientWidth || 800, 1000)
    const plot = new uPlot({ title, width, height: 280, series, axes: [{}, { label: 'incidents' }], scales: { x: { time: true } } }, data, element.current)
    const stop = fitWidth(plot, element.current)
    return () => { stop(); plot.destroy() }
  }, [trend])
  if (trend.months.length === 0) return <p class="muted">No months to show.</p>
  return (
    <figure class="trend">
      <div ref={element} class="chart-box" data-testid="trend-chart" aria-hidden="true" />
      <figcaption class="muted">{trend.basis}. Dashed: the same months a year earlier.</figcaption>
      <details>
        <summary>Numbers by month</summary>
        <TableScroll><table class="table">
          <thead><tr><th scope="col">Month</th><th scope="col" class="num">All</th><th scope="col" class="num">A year earlier</th>{top.map(s => <th scope="col" class="num" key={s.category}>{categoryLabel(s.category)}</th>)}</tr></thead>
          <tbody>{trend.months.map((m, i) => (
            <tr key={m}><td>{m}</td><td class="num">{trend.totals.counts[i]}</td><td class="num">{trend.totals.previousYear[i]}</td>{top.map(s => <td class="num" key={s.category}>{s.counts[i]}</td>)}</tr>
          ))}</tbody>
        </table></TableScroll>
      </details>
    </figure>
  )
}
