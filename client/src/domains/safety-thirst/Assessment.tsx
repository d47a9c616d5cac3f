// The officer's assessment: site visit details and a result per criterion, with the venue's answer
// and evidence beside each, a live tier preview by the set's rules, and the moderation step.
import { useState } from 'preact/hooks'
import { ErrorMessage } from '../../components/ui.tsx'
import { Field } from '../../components/form.tsx'
import { computeTier, TIER_LABELS, type Result } from '../../../../shared/safety-thirst/tier.ts'
import { ANSWER_LABELS, LEVEL_LABELS, RESULT_LABELS, stApi, type Application, type ResultRow } from './stApi.ts'
import { plural } from '../../../../shared/plural.ts'

const splitList = (s: string) => s.split(',').map(x => x.trim()).filter(Boolean)

function ResultsEditor ({ application, results, setResults, readOnly, prefix }: { application: Application; results: Record<string, ResultRow>; setResults?: (r: Record<string, ResultRow>) => void; readOnly?: boolean; prefix: string }) {
  const answers = Object.fromEntries(application.answers.map(a => [a.criterionCode, a]))
  const update = (code: string, change: Partial<ResultRow>) => setResults?.({ ...results, [code]: { criterionCode: code, result: results[code]?.result, note: results[code]?.note ?? '', ...change } as ResultRow })
  return (
    <div>
      {application.criteriaSet.criteria.map(c => {
        const answer = answers[c.code]
        const files = application.evidenceFiles.filter(f => f.criterionCode === c.code)
        return (
          <div class="st-assess-row" key={c.code} data-code={c.code}>
            <div><strong>{c.code}</strong> <span class="st-level">{LEVEL_LABELS[c.level]}</span><p>{c.text}</p></div>
            <div class="venue" aria-label={`Venue's answer for ${c.code}`}>
              <strong>Venue: {answer ? ANSWER_LABELS[answer.answer] : 'not answered'}</strong>
              {answer?.evidence && <p>{answer.evidence}</p>}
              {files.map(f => <p key={f.id}>📎 <a href={stApi.evidenceUrl(application.id, f.id)} target="_blank" rel="noopener">{f.filename}</a></p>)}
            </div>
            <fieldset class="st-result">
              <legend class="visually-hidden">Result for {c.code}</legend>
              <div class="st-choices">
                {(Object.keys(RESULT_LABELS) as Result[]).map(value => (
                  <label key={value}>
                    <input type="radio" name={`${prefix}-${c.code}`} value={value} disabled={readOnly} checked={results[c.code]?.result === value} onChange={() => update(c.code, { result: value })} />
                    {RESULT_LABELS[value]}
                  </label>
                ))}
              </div>
              <label class="visually-hidden" for={`${prefix}-note-${c.code}`}>Note for {c.code}</label>
              <input id={`${prefix}-note-${c.code}`} placeholder="Note (optional)" readOnly={readOnly} value={results[c.code]?.note ?? ''} onInput={e => update(c.code, { note: e.currentTarget.value })} />
            </fieldset>
          </div>
        )
      })}
    </div>
  )
}

export function TierPreview ({ application, results }: { application: Application; results: Record<string, ResultRow> }) {
  const criteria = application.criteriaSet.criteria
  const missing = criteria.filter(c => !results[c.code]?.result).length
  const outcome = computeTier(criteria, Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.result])), application.criteriaSet.rules)
  return (
    <p class="card" role="status" aria-live="polite">
      {missing ? `${plural(missing, 'criterion', 'criteria')} still to assess. ` : ''}
      By the rules of criteria set {application.criteriaSet.version} these results give: <strong data-testid="st-preview">{TIER_LABELS[outcome.tier]}</strong>. {outcome.reasons.explanation.join(' ')}
    </p>
  )
}

export function AssessmentForm ({ application, onChange }: { application: Application; onChange: (a: Application) => void }) {
  const editable = application.allowedActions.includes('assess')
  const [results, setResults] = useState<Record<string, ResultRow>>(() => Object.fromEntries(application.results.map(r => [r.criterionCode, r])))
  const [visit, setVisit] = useState(application.assessment.siteVisitDate ?? '')
  const [assessors, setAssessors] = useState(application.assessment.assessors.join(', '))
  const [agencies, setAgencies] = useState(application.assessment.agenciesConsulted.join(', '))
  const [note, setNote] = useState(application.assessment.note ?? '')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState('')
  async function save (e: Event) {
    e.preventDefault()
    setBusy(true); setError(null); setSaved('')
    try {
      const rows = Object.values(results).filter(r => r.result)
      const updated = await stApi.assess(application.id, { siteVisitDate: visit || undefined, assessors: splitList(assessors), agenciesConsulted: splitList(agencies), note, results: rows })
      setSaved(`Assessment saved (${updated.results.length} of ${plural(updated.criteriaCount, 'criterion', 'criteria')}).`)
      onChange(updated)
    } catch (err) { setError(err) } finally { setBusy(false) }
  }
  return (
    <form onSubmit={save} aria-labelledby="st-assessment">
      <h2 id="st-assessment">Officer assessment</h2>
      {application.assessment.assessedByName && <p class="muted">Assessed by {application.assessment.assessedByName}.</p>}
      <div class="grid-2">
        <Field id="siteVisitDate" label="Site visit date" error={error}><input id="siteVisitDate" type="date" value={visit} readOnly={!editable} onInput={e => setVisit(e.currentTarget.value)} /></Field>
        <Field id="assessors" label="Assessors (comma-separated)" error={error}><input id="assessors" value={assessors} readOnly={!editable} onInput={e => setAssessors(e.currentTarget.value)} /></Field>
        <Field id="agenciesConsulted" label="Agencies consulted (comma-separated)" hint="Police, fire authority, environmental health, cleansing, licensing liaison" error={error}><input id="agenciesConsulted" value={agencies} readOnly={!editable} onInput={e => setAgencies(e.currentTarget.value)} /></Field>
        <Field id="note" label="Overall note" error={error}><textarea id="note" value={note} readOnly={!editable} onInput={e => setNote(e.currentTarget.value)} /></Field>
      </div>
      <ResultsEditor application={application} results={results} setResults={setResults} readOnly={!editable} prefix="result" />
      <TierPreview application={application} results={results} />
      <ErrorMessage error={error} />
      {editable && <div class="st-sticky"><button type="submit" disabled={busy}>Save assessment</button><span role="status" class="success">{saved}</span></div>}
    </form>
  )
}

export function ModerationForm ({ application, onChange }: { application: Application; onChange: (a: Application) => void }) {
  const [change, setChange] = useState(false)
  const [note, setNote] = useState('')
  const [results, setResults] = useState<Record<string, ResultRow>>(() => Object.fromEntries(application.results.map(r => [r.criterionCode, r])))
  const [error, setError] = useState<unknown>(null)
  async function submit (e: Event) {
    e.preventDefault()
    setError(null)
    try {
      const original = Object.fromEntries(application.results.map(r => [r.criterionCode, r]))
      const changed = Object.values(results).filter(r => original[r.criterionCode]?.result !== r.result || original[r.criterionCode]?.note !== r.note)
      onChange(await stApi.moderate(application.id, change ? { confirm: false, note, results: changed } : { confirm: true, note }))
    } catch (err) { setError(err) }
  }
  return (
    <form onSubmit={submit} class="card" aria-labelledby="st-moderation">
      <h2 id="st-moderation">Moderation</h2>
      <p>As a second officer, confirm the assessor's results or change them.</p>
      <label><input type="checkbox" checked={change} onChange={e => setChange(e.currentTarget.checked)} /> Change some results</label>
      {change && <><ResultsEditor application={application} results={results} setResults={setResults} prefix="moderate" /><TierPreview application={application} results={results} /></>}
      <Field id="moderationNote" label="Moderation note" error={error}><textarea id="moderationNote" value={note} onInput={e => setNote(e.currentTarget.value)} /></Field>
      <ErrorMessage error={error} />
      <button type="submit">{change ? 'Save moderated results' : 'Confirm the assessment'}</button>
    </form>
  )
}
