// Writing a plan from its template: each section with its guidance, the structured fields
// beside the sections they belong to, the officer's comments on a returned version, and the
// choice to save a draft or submit. Missing required sections are shown beside each section.
import { useState } from 'preact/hooks'
import { ApiError } from '../../api/client.ts'
import { ErrorMessage } from '../../components/ui.tsx'
import { PLAN_FIELD_LABELS, PLAN_KIND_LABELS, PLAN_TEMPLATES, missingSections, type PlanField, type PlanFields, type PlanKind } from '../../../../shared/plans/templates.ts'
import { plansApi, type PlanDocument } from './plansApi.ts'

export interface PlanEditorProps {
  premisesId: number
  kind: PlanKind
  /** The version to start from (the newest one, perhaps a returned draft); none for a blank template. */
  start: PlanDocument | null
  onSaved: (doc: PlanDocument) => void
  onCancel: () => void
}

export function PlanEditor ({ premisesId, kind, start, onSaved, onCancel }: PlanEditorProps) {
  const template = PLAN_TEMPLATES[kind]
  const [sections, setSections] = useState<Record<string, string>>({ ...(start?.sections ?? {}) })
  const [fields, setFields] = useState<PlanFields>({ ...(start?.fields ?? {}) })
  const [missing, setMissing] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const comments = start?.status === 'returned' ? start.reviewComments : {}
  const prefix = `${kind}-`

  async function save (draft: boolean) {
    setError(null)
    const gaps = draft ? [] : missingSections(kind, sections)
    setMissing(gaps)
    if (gaps.length) {
      setError(new Error(`Fill in the required sections before submitting: ${gaps.map(key => template.sections.find(s => s.key === key)?.title).join(', ')}.`))
      document.getElementById(prefix + gaps[0])?.focus()
      return
    }
    setBusy(true)
    try {
      const used = Object.fromEntries(template.sections.flatMap(s => s.fields ?? []).map(f => [f, fields[f] || null]))
      onSaved(await plansApi.save(premisesId, kind, { sections, fields: used, draft }))
    } catch (err) {
      const details = err instanceof ApiError ? err.details as { missing?: string[] } | undefined : undefined
      if (details?.missing) setMissing(details.missing)
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const fieldInput = (field: PlanField) => {
    const meta = PLAN_FIELD_LABELS[field]
    const id = `${prefix}field-${field}`
    const fieldError = error instanceof ApiError && error.field === `fields.${field}` ? error.message : null
    return (
      <div class="field" key={field}>
        <label for={id}>{meta.label}</label>
        <p class="hint" id={`${id}-hint`}>{meta.hint}</p>
        <input id={id} type={meta.type as string as 'text'} aria-describedby={`${id}-hint`} value={fields[field] ?? ''} onInput={e => setFields({ ...fields, [field]: (e.target as HTMLInputElement).value })} />
        {fieldError && <p class="error" role="alert">{fieldError}</p>}
      </div>
    )
  }

  return (
    <form class="card plan-editor" aria-label={`${PLAN_KIND_LABELS[kind]} editor`} onSubmit={e => { e.preventDefault(); void save(false) }}>
      <h3>{start ? `${template.title}: new version (editing from version ${start.version})` : `${template.title}: write from the template`}</h3>
      <p class="muted">Each save keeps the earlier versions. A submitted version counts as current at once; a licensing officer then approves it or returns it with comments.</p>
      {comments.general && <p class="officer-comment"><strong>Officer's comment:</strong> {comments.general}</p>}
      {template.sections.map(section => {
        const id = prefix + section.key
        const isMissing = missing.includes(section.key)
        return (
          <div class={`plan-section field ${isMissing ? 'has-error' : ''}`} key={section.key}>
            <label for={id}>{section.title}{section.required ? ' (required)' : ''}</label>
            <p class="guidance hint" id={`${id}-guidance`}>{section.guidance}</p>
            {comments[section.key] && <p class="officer-comment" id={`${id}-comment`}><strong>Officer's comment:</strong> {comments[section.key]}</p>}
            <textarea id={id} rows={5} aria-describedby={`${id}-guidance${comments[section.key] ? ` ${id}-comment` : ''}`} aria-invalid={isMissing}
              value={sections[section.key] ?? ''} onInput={e => setSections({ ...sections, [section.key]: (e.target as HTMLTextAreaElement).value })} />
            {isMissing && <p class="error" role="alert">{section.title} is required before submitting.</p>}
            {section.fields?.map(fieldInput)}
          </div>
        )
      })}
      <ErrorMessage error={error} />
      <div class="plan-actions">
        <button type="submit" disabled={busy}>Submit for review</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void save(true)}>Save draft</button>
        <button type="button" class="link" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  )
}
