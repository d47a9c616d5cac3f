// What a Safety Thirst award means, for anyone reading the public register: the scheme in a few
// sentences and what each tier asks of a venue.
import { DEFAULT_RULES } from '../../../../shared/safety-thirst/tier.ts'

export default function SchemePage () {
  const r = DEFAULT_RULES
  return (
    <article>
      <h1>About the Safety Thirst scheme</h1>
      <p class="lead">Safety Thirst is the City of London's award for licensed venues that look after their customers, staff and neighbours at night.</p>
      <p>Venues apply each year. They answer a self-assessment with evidence, and a licensing officer checks it, visits, and a second officer moderates the result. An award lasts a year; the public register shows a venue's award while it is valid.</p>
      <h2>The tiers</h2>
      <dl class="facts card">
        <dt>Pass</dt><dd>Every essential criterion is met: the basics of running a safe venue (trained staff, a working incident log, safe capacity, and so on).</dd>
        <dt>Commended</dt><dd>Everything for a Pass, and at least {r.commendedDesiredPct}% of the desired criteria (good practice beyond the basics).</dd>
        <dt>Highly Commended</dt><dd>Everything for a Pass, at least {r.highlyCommendedDesiredPct}% of the desired criteria, and at least {r.highlyCommendedBonus} bonus criteria (going further than most venues do).</dd>
      </dl>
      <h2>Venues without an award</h2>
      <p>Most venues have no award. That does not mean a venue is unsafe: it may never have applied, its application may still be in progress, or its last award may have ended. The register shows awards only.</p>
      <p><a href="/register">Back to the public register</a></p>
    </article>
  )
}
