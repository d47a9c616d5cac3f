// The venue's monthly counts against the line its baseline share of the City predicts (uPlot).
import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { TableScroll } from '../../components/table.tsx'
import { fitWidth } from '../../components/chart.ts'
import type { ChartPoint } from '../../../../shared/schemas/flags.ts'

const monthLabel = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export function FlagChart ({ points, title }: { points: ChartPoint[]; title: string }) {
  const element = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!element.current || !points.length) return
    const xs = points.map(p => Date.parse(p.month + '-15T12:00:00Z') / 1000)
    const plot = new uPlot({
      title, width: Math.min(760, element.current.clientWidth || 760), height: 260,
      series: [
        {},
        { label: 'Incidents at the venue', stroke: '#b00020', width: 2, points: { show: true } },
        { label: 'Usual for its share of the City', stroke: '#1d2b53', dash: [6, 4], width: 2 }
      ],
      axes: [{}, { label: 'Incidents per month' }],
      scales: { x: { time: true } }
    }, [xs, points.map(p => p.count), points.map(p => p.expected)], element.current)
    const stop = fitWidth(plot, element.current, 760)
    return () => { stop(); plot.destroy() }
  }, [points, title])
  return (
    <figure>
      <div ref={element} class="chart-box" data-testid="flag-chart" />
      <figcaption>
        <details>
          <summary>The numbers behind the chart</summary>
          <TableScroll label="Incidents per month">
            <table class="table" data-testid="flag-chart-table">
              <caption class="visually-hidden">{title}</caption>
              <thead><tr><th scope="col">Month</th><th scope="col" class="num">Incidents at the venue</th><th scope="col" class="num">Usual for its share of the City</th></tr></thead>
              <tbody>{points.map(p => <tr key={p.month}><th scope="row">{monthLabel(p.month)}</th><td class="num">{p.count}</td><td class="num">{p.expected.toFixed(1)}</td></tr>)}</tbody>
            </table>
          </TableScroll>
        </details>
      </figcaption>
    </figure>
  )
}
