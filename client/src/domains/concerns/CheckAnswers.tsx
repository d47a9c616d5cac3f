// "Check your answers" before the report is sent: every answer with a link to change it, and
// for a named venue what its licence allows at the time given.
import { CONCERN_KIND_LABELS } from '../../../../shared/schemas/concerns.ts'
import { DAY_LABELS } from '../../../../shared/concerns/trading.ts'
import type { Draft, Step } from './draft.ts'
import { ACCURACY_CHOICES } from './ReportWhere.tsx'
import { LicenceFacts } from './LicenceFacts.tsx'

function whenText (d: Draft): string {
  if (d.when === 'now') return 'Happening now'
  if (d.when === 'at') return `${new Date(`${d.date}T12:00:00`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })} at ${d.time}`
  if (d.when === 'often') return `${d.days.map(day => DAY_LABELS[day]).join(', ')}, from about ${d.from} until about ${d.to}`
  return ''
}

function whereText (d: Draft): string {
  if (d.where === 'venue') return d.premisesName
  const sure = ACCURACY_CHOICES.find(c => c.metres === d.accuracyM)?.label ?? `Within about ${d.accuracyM} metres`
  return `The pin on the map (${sure.toLowerCase()})${d.locationText.trim() ? `: ${d.locationText.trim()}` : ''}`
}

export function CheckAnswers ({ draft }: { draft: Draft }) {
  const rows: [string, string, Step][] = [
    ['What', draft.kind ? CONCERN_KIND_LABELS[draft.kind] : '', 'what'],
    ['Where', whereText(draft), 'where'],
    ['When', whenText(draft), 'when'],
    ['What happens', draft.description.trim(), 'details'],
    ['Your name', draft.name.trim() || 'Not given', 'you'],
    ['Email', draft.email.trim(), 'you'],
    ['Anonymous to the venue', draft.anonymousToVenue ? 'Yes' : 'No', 'you']
  ]
  return (
    <>
      <h1>Check your answers</h1>
      <dl class="summary-list">
        {rows.map(([label, value, step]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            <dd><a href={`/report?step=${step}`}>Change<span class="visually-hidden"> {label.toLowerCase()}</span></a></dd>
          </div>
        ))}
      </dl>
      {draft.where === 'venue' && draft.premisesId && <LicenceFacts premisesId={draft.premisesId} draft={draft} />}
      <p>When you send it we will email you a link to confirm the report. Your name and email address are never shown to the venue or the public.</p>
    </>
  )
}
