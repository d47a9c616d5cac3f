// The venue's self-assessment: one category per step so it stays short on a phone, answers saved
// part-way (on "Save" and when moving on), progress shown, and submit only once every criterion is answered.
import { useMemo, useState } from 'preact/hooks'
import { ErrorMessage } from '../../components/ui.tsx'
import { ANSWER_LABELS, LEVEL_LABELS, stApi, type Answer, type Application } from './stApi.ts'
import { plural } from '../../../../shared/plural.ts'

type Draft = Record<string, { answer?: Answer['answer']; evidence: string }>

export function SelfAssessment ({ application, onChange }: { application: Application; onChange: (a: Application) => void }) {
  const criteria = application.criteriaSet.criteria
  const categories = application.criteriaSet.categories.filter(c => criteria.some(x => x.category === c.code))
  const [step, setStep] = useState(0)
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(application.answers.map(a => [a.criterionCode, { answer: a.answer, evidence: a.evidence }])))
  const [dirty, setDirty] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState('')
  const answered = useMemo(() => criteria.filter(c => draft[c.code]?.answer).length, [draft])
  const complete = answered === criteria.length
  const category = categories[step]
  const shown = criteria.filter(c => c.category === category?.code)

  const set = (code: string, change: Partial<Draft[string]>) => {
    setDraft(d => ({ ...d, [code]: { ...(d[code] ?? { evidence: '' }), ...change } }))
    setDirty(s => new Set(s).add(code))
    setSaved('')
  }

  async function save (): Promise<boolean> {
    const answers = [...dirty].filter(code => draft[code]?.answer).map(code => ({ criterionCode: code, answer: draft[code].answer!, evidence: draft[code].evidence }))
    if (!answers.length) return true
    setBusy(true)
    setError(null)
    try {
      const updated = await stApi.saveAnswers(application.id, answers)
      setDirty(new Set())
      setSaved(`Saved: ${updated.answered} of ${updated.criteriaCount} answered.`)
      onChange(updated)
      return true
    } catch (e) {
      setError(e)
      return false
    } finally { setBusy(false) }
  }

  async function go (next: number) {
    if (await save()) { setStep(next); window.scrollTo?.(0, 0) }
  }

  async function submit () {
    if (!(await save())) return
    setBusy(true)
    try { onChange(await stApi.submit(application.id)) } catch (e) { setError(e) } finally { setBusy(false) }
  }

  async function upload (code: string, files: FileList | null) {
    if (!files?.length) return
    setError(null)
    try {
      for (const file of Array.from(files)) await stApi.upload(application.id, file, code)
      onChange(await stApi.get(application.id))
    } catch (e) { setError(e) }
  }

  return (
    <section aria-labelledby="st-self">
      <h2 id="st-self">Self-assessment</h2>
      <p id="st-progress-text">{answered} of {plural(criteria.length, 'criterion', 'criteria')} answered</p>
      <div class="progress" role="progressbar" aria-labelledby="st-progress-text" aria-valuemin={0} aria-valuemax={criteria.length} aria-valuenow={answered}>
        <span style={{ width: `${(answered / Math.max(1, criteria.length)) * 100}%` }} />
      </div>
      <nav class="st-steps" aria-label="Categories">
        <label>Category
          <select value={step} onChange={e => go(Number(e.currentTarget.value))}>
            {categories.map((c, i) => {
              const inCat = criteria.filter(x => x.category === c.code)
              const done = inCat.filter(x => draft[x.code]?.answer).length
              return <option key={c.code} value={i}>{i + 1}. {c.title} ({done}/{inCat.length})</option>
            })}
          </select>
        </label>
      </nav>
      <h3 id="st-step">{step + 1} of {categories.length}: {category?.title}</h3>
      {shown.map(c => (
        <fieldset class="st-criterion" key={c.code} data-code={c.code}>
          <legend><span class="st-level">{LEVEL_LABELS[c.level]}</span>{c.code}</legend>
          <p>{c.text}</p>
          <p class="hint">Evidence: {c.evidence}</p>
          <div class="st-choices" role="radiogroup" aria-label={`Your answer for ${c.code}`}>
            {(Object.keys(ANSWER_LABELS) as Answer['answer'][]).map(value => (
              <label key={value}>
                <input type="radio" name={`answer-${c.code}`} value={value} checked={draft[c.code]?.answer === value} onChange={() => set(c.code, { answer: value })} />
                {ANSWER_LABELS[value]}
              </label>
            ))}
          </div>
          <label for={`evidence-${c.code}`}>Your evidence for {c.code} (optional)</label>
          <textarea id={`evidence-${c.code}`} rows={2} maxLength={4000} value={draft[c.code]?.evidence ?? ''} onInput={e => set(c.code, { evidence: e.currentTarget.value })} />
          <label for={`file-${c.code}`}>Attach files for {c.code} (PDF, photo, Word or text)</label>
          <input id={`file-${c.code}`} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.txt" onChange={e => upload(c.code, e.currentTarget.files)} />
          {application.evidenceFiles.filter(f => f.criterionCode === c.code).map(f => <p key={f.id} class="muted">📎 <a href={stApi.evidenceUrl(application.id, f.id)} target="_blank" rel="noopener">{f.filename}</a></p>)}
        </fieldset>
      ))}
      <ErrorMessage error={error} />
      <div class="st-sticky">
        {step > 0 && <button type="button" class="secondary" disabled={busy} onClick={() => go(step - 1)}>Previous</button>}
        <button type="button" class="secondary" disabled={busy || dirty.size === 0} onClick={save}>Save</button>
        {step < categories.length - 1 && <button type="button" disabled={busy} onClick={() => go(step + 1)}>Save and next</button>}
        <button type="button" disabled={busy || !complete} onClick={submit} aria-describedby="st-submit-hint">Submit self-assessment</button>
        <span id="st-submit-hint" class="muted" role="status" aria-live="polite">{saved || (complete ? 'Every criterion is answered; you can submit.' : `Answer ${criteria.length === 1 ? 'the' : 'all'} ${plural(criteria.length, 'criterion', 'criteria')} to submit.`)}</span>
      </div>
    </section>
  )
}
