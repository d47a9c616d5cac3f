// The venue's monthly counts against the line its baseline share of the City predicts (uPlot).
import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartPoint { month: string; count: number; city: number; expected: number }

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
        { label: 'Expected from its baseline share of the City', stroke: '#1d2b53', dash: [6, 4], width: 2 }
      ],
      axes: [{}, { label: 'Incidents per month' }],
      scales: { x: { time: true } }
    }, [xs, points.map(p => p.count), points.map(p => p.expected)], element.current)
    return () => plot.destroy()
  }, [points, title])
  return (
    <figure>
      <div ref={element} data-testid="flag-chart" />
      <figcaption class="sr-only">
        <table><thead><tr><th>Month</th><th>Incidents</th><th>Expected</th></tr></thead>
          <tbody>{points.map(p => <tr key={p.month}><td>{p.month}</td><td>{p.count}</td><td>{p.expected.toFixed(1)}</td></tr>)}</tbody></table>
      </figcaption>
    </figure>
  )
}
