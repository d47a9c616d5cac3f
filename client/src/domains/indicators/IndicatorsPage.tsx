// The Safer City Partnership's indicators: each priority of the strategy with its indicators,
// this year against last year by month, the red/amber/green status and the rule behind it, what
// is counted and where from (GET /api/indicators). Prints as a report for the Strategy Group.
import { useState } from 'preact/hooks'
import { api, download } from '../../api/client.ts'
import { useSession } from '../../session.tsx'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { INDICATOR_STATUS_LABELS, type Indicator, type Priority } from '../../../../shared/schemas/indicators.ts'
import { IndicatorChart, formatFigure } from './IndicatorChart.tsx'
import { TargetForm } from './TargetForm.tsx'
import { ReportForm } from './ReportForm.tsx'

function IndicatorCard ({ indicator, year, admin, reload }: { indicator: Indicator; year: number; admin: boolean; reload: () => Promise<void> }) {
  const { rolling, unit } = indicator
  return (
    <article class="card indicator" data-testid={`indicator-${indicator.key}`} aria-labelledby={`title-${indicator.key}`}>
      <h3 id={`title-${indicator.key}`}>{indicator.title}</h3>
      <p class={`indicator-status status-${indicator.status}`} data-testid={`status-${indicator.key}`}>
        <strong>{INDICATOR_STATUS_LABELS[indicator.status]}</strong>: {indicator.statusReason}
      </p>
      <p class="hint">{indicator.statusRule}</p>
      <dl class="facts">
        <dt>{rolling.label}</dt><dd>{formatFigure(unit, rolling.value)}</dd>
        <dt>A year earlier</dt><dd>{formatFigure(unit, rolling.lastYear)}</dd>
        <dt>Target</dt><dd>{indicator.target === undefined ? 'None set' : `${formatFigure(unit, indicator.target)}${indicator.targetSetBy === 'default' ? ' (the scheme\'s own)' : ''}`}</dd>
      </dl>
      <IndicatorChart indicator={indicator} year={year} />
      <h4>What is counted</h4>
      <p>{indicator.definition}</p>
      <h4>Sources</h4>
      <ul>{indicator.sources.map(s => <li key={s}>{s}</li>)}</ul>
      {admin && <TargetForm indicator={indicator} onSaved={reload} />}
    </article>
  )
}

function PrioritySection ({ priority, year, admin, reload }: { priority: Priority; year: number; admin: boolean; reload: () => Promise<void> }) {
  return (
    <section class="priority" aria-labelledby={`priority-${priority.key}`} data-testid={`priority-${priority.key}`}>
      <h2 id={`priority-${priority.key}`}>{priority.title}</h2>
      <p class="muted">{priority.aim}</p>
      {priority.indicators.length === 0
        ? <Empty>{priority.note ?? 'No indicators for this priority yet.'}</Empty>
        : <div class="indicator-list">{priority.indicators.map(i => <IndicatorCard key={i.key} indicator={i} year={year} admin={admin} reload={reload} />)}</div>}
    </section>
  )
}

export default function IndicatorsPage () {
  const { user } = useSession()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [exportError, setExportError] = useState<unknown>(null)
  const data = useLoad(signal => api('/api/indicators', { query: { year }, signal }), [year])
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i)
  return (
    <section class="indicators-page">
      <h1>Safer City Partnership indicators</h1>
      <p>The strategy's five priorities, with the indicators Nightsafe can count from its own records: each month of {year} beside the same month of {year - 1}, and a status by the rule shown under each.</p>
      <div class="toolbar no-print">
        <label>Year <select value={year} onChange={e => setYear(Number(e.currentTarget.value))}>{years.map(y => <option key={y} value={y}>{y}</option>)}</select></label>
        <button type="button" onClick={() => { setExportError(null); download('/api/indicators/export.csv', { year }, `nightsafe-indicators-${year}.csv`).catch(setExportError) }}>Download the figures (CSV)</button>
        <button type="button" class="secondary" onClick={() => window.print()}>Print</button>
      </div>
      <ErrorMessage error={data.error ?? exportError} />
      <ReportForm key={year} year={year} thisYear={thisYear} thisQuarter={Math.floor(new Date().getMonth() / 3) + 1} />
      {data.loading && !data.data ? <Loading /> : data.data && (
        <>
          <p class="muted">Figures to {formatDate(data.data.asOf)}.</p>
          {data.data.priorities.map(p => <PrioritySection key={p.key} priority={p} year={data.data!.year} admin={user?.role === 'admin'} reload={data.reload} />)}
        </>
      )}
    </section>
  )
}
