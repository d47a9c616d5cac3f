// A flag in one plain sentence ("12 thefts in the last 4 weeks; about 2 would be usual for this
// venue's share of the City"), the figures behind it in words, and the test one click away.
import type { Flag } from '../../../../shared/schemas/flags.ts'
import { plural } from '../../../../shared/plural.ts'
import { fmtP } from './labels.tsx'

const NOUNS: Record<string, [string, string]> = { theft: ['theft', 'thefts'], violence: ['violent incident', 'violent incidents'] }

function about (n: number): string {
  return n < 1 ? 'fewer than 1' : `about ${Math.round(n).toLocaleString('en-GB')}`
}

export function flagHeadline (f: Flag): string {
  const [one, many] = NOUNS[f.crimeGroup] ?? [`${f.crimeGroup} incident`, `${f.crimeGroup} incidents`]
  const when = f.basis === 'months' ? 'in the latest month of police.uk data' : 'in the last 4 weeks'
  const usual = f.expected === null ? '' : `; ${about(f.expected)} would be usual for this venue's share of the City`
  return `${plural(f.recent, one, many)} ${when}${usual}.`
}

export function FlagSummary ({ flag: f }: { flag: Flag }) {
  return (
    <>
      <p class="lead" data-testid="flag-headline">{flagHeadline(f)}</p>
      <dl class="facts card" data-testid="flag-figures">
        <dt>{f.basis === 'months' ? 'Latest month' : 'Last 28 days'}</dt>
        <dd>{plural(f.recent, 'incident')}: {f.recentLinked} recorded at the venue, {f.recentProximate} close by</dd>
        <dt>{f.basis === 'months' ? 'Previous 12 months' : 'Previous 52 weeks'}</dt><dd>{plural(f.baseline, 'incident')}</dd>
        <dt>Rest of the City</dt><dd>{f.cityRecent.toLocaleString('en-GB')} recently, against {f.cityBaseline.toLocaleString('en-GB')} before</dd>
        <dt>Usual for this venue</dt><dd>{f.expected === null ? 'Not worked out' : about(f.expected)}</dd>
        <dt>How many times usual</dt><dd>{f.ratio === null ? 'Not worked out' : `${f.ratio.toFixed(1)} times`}</dd>
      </dl>
      <details class="stats-detail">
        <summary>How sure is this? The statistics</summary>
        <p data-testid="flag-explanation">{f.explanation}</p>
        <p>
          <strong>p = {fmtP(f.p)}</strong>: if this venue's share of the City's {f.crimeGroup} had not changed, a count this high would turn up by chance
          {f.p === null ? ' (not worked out).' : ` about ${chance(f.p)}.`}
        </p>
        <p>
          <strong>q = {fmtP(f.q)}</strong>: every venue is tested each week, so some would look high by chance alone. The false discovery rate
          (FDR, Benjamini–Hochberg) allows for that: of all flags this sure, about {f.q === null ? 'an unknown share' : `${Math.max(1, Math.round(f.q * 100))} in 100`} could be chance.
        </p>
      </details>
    </>
  )
}

function chance (p: number): string {
  if (p < 0.0001) return 'less than once in 10,000 times'
  const inN = Math.round(1 / p)
  return inN <= 1 ? 'most of the time' : `once in ${inN.toLocaleString('en-GB')} times`
}
