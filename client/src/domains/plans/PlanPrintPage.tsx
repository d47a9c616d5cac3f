// A printable view of any version of a plan: the premises, version, status and dates, each
// section in template order with its text, the structured fields, and the officer's comments.
import { Fragment } from 'preact'
import { ErrorMessage, PageError, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { PLAN_FIELD_LABELS, PLAN_KIND_LABELS, PLAN_TEMPLATES } from '../../../../shared/plans/templates.ts'
import { STATUS_LABELS, kindFromSlug, plansApi } from './plansApi.ts'
import './plans.css'

export default function PlanPrintPage ({ id, kind: slug, version }: { id: string; kind: string; version: string }) {
  const premisesId = Number(id)
  const kind = kindFromSlug(slug)
  const doc = useLoad(signal => kind ? plansApi.version(premisesId, kind, Number(version), signal) : Promise.reject(new Error('Unknown document type')), [premisesId, kind, version])
  const premises = useLoad(signal => plansApi.premises(premisesId, signal), [premisesId])
  if (!kind) return <ErrorMessage error={new Error('Unknown document type')} />
  if (doc.loading && !doc.data) return <Loading />
  if (!doc.data) return <PageError error={doc.error} />
  const d = doc.data
  const fields = PLAN_TEMPLATES[kind].sections.flatMap(s => s.fields ?? []).filter(f => d.fields[f])

  return (
    <article class="print-doc">
      <p class="no-print plan-actions">
        <a href={`/plans/premises/${premisesId}/${slug}`}>← Version history</a>
        <button type="button" onClick={() => window.print()}>Print</button>
      </p>
      <h1>{PLAN_KIND_LABELS[kind]}</h1>
      <p class="lead">{premises.data?.name ?? `Premises ${premisesId}`}{premises.data?.address ? `, ${premises.data.address}` : ''}</p>
      <dl>
        <dt>Version</dt><dd>{d.version}{d.current ? ' (current)' : ''}</dd>
        <dt>Status</dt><dd>{STATUS_LABELS[d.status]}</dd>
        {premises.data?.licenceNumber && <><dt>Licence</dt><dd>{premises.data.licenceNumber}</dd></>}
        <dt>Submitted</dt><dd>{d.submittedAt ? `${formatDate(d.submittedAt)}${d.submittedByName ? ` by ${d.submittedByName}` : ''}` : 'Not submitted (draft)'}</dd>
        {d.reviewedAt && <><dt>Reviewed</dt><dd>{formatDate(d.reviewedAt)}{d.reviewedByName ? ` by ${d.reviewedByName}` : ''}</dd></>}
        {d.reviewDue && <><dt>Review due</dt><dd>{formatDate(d.reviewDue)}{d.overdue ? ' (overdue)' : ''}</dd></>}
        {fields.map(f => <Fragment key={f}><dt>{PLAN_FIELD_LABELS[f].label}</dt><dd>{f === 'reviewDate' ? formatDate(d.fields[f]) : d.fields[f]}</dd></Fragment>)}
      </dl>
      {PLAN_TEMPLATES[kind].sections.map((s, i) => (
        <section class="plan-section" key={s.key}>
          <h2>{i + 1}. {s.title}</h2>
          <p class="plan-text">{d.sections[s.key] || <span class="muted">(not written)</span>}</p>
          {d.reviewComments[s.key] && <p class="officer-comment"><strong>Officer's comment:</strong> {d.reviewComments[s.key]}</p>}
        </section>
      ))}
      {d.reviewComments.general && <p class="officer-comment"><strong>Officer's comment on the whole document:</strong> {d.reviewComments.general}</p>}
    </article>
  )
}
