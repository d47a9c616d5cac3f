// A small accessible SVG bar chart (the numbers are also in the table beside it) with an optional target line.
export interface Bar { label: string; value: number; className?: string }

export function BarChart ({ title, bars, target }: { title: string; bars: Bar[]; target?: number }) {
  const max = Math.max(1, target ?? 0, ...bars.map(b => b.value))
  const rowHeight = 28
  const labelWidth = 150
  const width = 520
  const scale = (v: number) => ((width - labelWidth - 40) * v) / max
  const height = bars.length * rowHeight + 10
  return (
    <figure class="st-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${bars.map(b => `${b.label} ${b.value}`).join(', ')}${target !== undefined ? `; target ${target}` : ''}`}>
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0 ${i * rowHeight + 4})`}>
            <text x={labelWidth - 8} y={16} text-anchor="end" class="st-chart-label">{bar.label}</text>
            <rect x={labelWidth} y={2} width={Math.max(scale(bar.value), bar.value ? 2 : 0)} height={rowHeight - 10} class={`st-bar ${bar.className ?? ''}`} />
            <text x={labelWidth + scale(bar.value) + 6} y={16} class="st-chart-value">{bar.value}</text>
          </g>
        ))}
        {target !== undefined && (
          <g>
            <line x1={labelWidth + scale(target)} x2={labelWidth + scale(target)} y1={0} y2={height} class="st-target" />
            <text x={labelWidth + scale(target) - 4} y={height - 2} text-anchor="end" class="st-chart-value">target {target}</text>
          </g>
        )}
      </svg>
    </figure>
  )
}
