// How concentrated theft or violence is across venues: the share at the top 10% and 20%,
// a Lorenz curve, and rates per 100 licensed capacity where capacity is known.
import { useEffect, useRef, useState } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { api } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, useLoad } from '../../components/ui.tsx'
import { TableScroll } from '../../components/table.tsx'
import { fitWidth } from '../../components/chart.ts'
import { plural } from '../../../../shared/plural.ts'

interface Concentration {
  group: string; venues: number; incidents: number; top10Share: number; top20Share: number; gini: number
  lorenz: { venues: number; incidents: number }[]
  rates: { premisesId: number; premisesName: string; incidents: number; capacity: number; per100Capacity: number }[]
}

function Lorenz ({ points }: { points: Concentration['lorenz'] }) {
  const element = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!element.current) return
    const plot = new uPlot({
      title: 'Lorenz curve', width: 420, height: 320,
      scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
      series: [{ label: 'Share of venues' }, { label: 'Share of incidents', stroke: '#b00020', width: 2 }, { label: 'Equal shares', stroke: '#999', dash: [4, 4] }],
      axes: [{ label: 'Share of venues (fewest incidents first)' }, { label: 'Share of incidents' }]
    }, [points.map(p => p.venues), points.map(p => p.incidents), points.map(p => p.venues)], element.current)
    const stop = fitWidth(plot, element.current, 420)
    return () => { stop(); plot.destroy() }
  }, [points])
  return <div ref={element} class="chart-box" data-testid="lorenz" />
}

export default function ConcentrationPage () {
  const [group, setGroup] = useState('violence')
  const data = useLoad(signal => api('/api/flags/concentration', { query: { group }, signal }), [group])
  const pct = (x: number) => `${Math.round(x * 100)}%`
  return (
    <section>
      <h1>Concentration across venues</h1>
      <label>Crime group <select value={group} onChange={e => setGroup(e.currentTarget.value)}><option value="violence">Violence</option><option value="theft">Theft</option></select></label>
      <ErrorMessage error={data.error} />
      {data.loading && !data.data ? <Loading /> : data.data && (data.data.incidents === 0 ? <Empty>No {group} attributed to venues in the last year.</Empty> : (
        <div class="concentration">
          <p data-testid="concentration-summary">Over the last year, {plural(data.data.incidents, 'incident')} {data.data.incidents === 1 ? 'was' : 'were'} attributed to {plural(data.data.venues, 'mapped venue')}. The top 10% of venues had {pct(data.data.top10Share)} of them and the top 20% had {pct(data.data.top20Share)} (Gini {data.data.gini.toFixed(2)}).</p>
          <Lorenz points={data.data.lorenz} />
          <h2>Rates per 100 licensed capacity</h2>
          <TableScroll><table class="table"><thead><tr><th>Venue</th><th>Incidents</th><th>Capacity</th><th>Per 100 capacity</th></tr></thead>
            <tbody>{data.data.rates.map(r => <tr key={r.premisesId}><td><a href={`/premises/${r.premisesId}`}>{r.premisesName}</a></td><td>{r.incidents}</td><td>{r.capacity}</td><td>{r.per100Capacity}</td></tr>)}</tbody></table></TableScroll>
        </div>
      ))}
    </section>
  )
}
