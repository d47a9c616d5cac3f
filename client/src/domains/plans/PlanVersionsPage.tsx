// Every version of one plan document, newest first, with a per-section word diff of the chosen
// version against the one before it.
import { useState } from 'preact/hooks'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { PLAN_FIELD_LABELS, PLAN_KIND_LABELS, type PlanField } from '../../../../shared/plans/templates.ts'
import { kindFromSlug, plansApi } from './plansApi.ts'
import { StatusPill } from './PlanCard.tsx'
import './plans.css'
import { TableScroll } from '../../components/table.tsx'

export default function PlanVersionsPage ({ id, kind: slug }: { id: string; kind: string }) {
  const premisesId = Number(id)
  const kind = kindFromSlug(slug)
  const versions = useLoad(signal => kind ? plansApi.versions(premisesId, kind, signal) : Promise.reject(new Error('Unknown document type')), [premisesId, kind])
  const [selected, setSelected] = useState<number | null>(null)
  const shown = selected ?? versions.data?.items[0]?.version ?? null
  const diff = useLoad(signal => kind && shown ? plansApi.diff(premisesId, kind, shown, signal) : Promise.resolve(null), [premisesId, kind, shown])
  if (!kind) return <ErrorMessage error={new Error('Unknown document type')} />

  return (
    <section>
      <p><a href={`/plans/premises/${premisesId}`}>← Plans of this premises</a></p>
      <h1>{PLAN_KIND_LABELS[kind]}: version history</h1>
      {versions.loading && !versions.data && <Loading />}
      <ErrorMessage error={versions.error} />
      {versions.data && versions.data.items.length === 0 && <Empty>No versions yet.</Empty>}
      {versions.data && versions.data.items.length > 0 && (
        <TableScroll><table class="plain">
          <caption class="visually-hidden">Versions</caption>
          <thead><tr><th>Version</th><th>Status</th><th>Saved</th><th>Reviewed</th><th>Review due</th><th>Actions</th></tr></thead>
          <tbody>
            {versions.data.items.map(v => (
              <tr key={v.id} aria-current={v.version === shown ? 'true' : undefined}>
                <td>v{v.version}{v.current && <strong> (current)</strong>}</td>
                <td><StatusPill status={v.status} /></td>
                <td>{formatDate(v.submittedAt ?? v.createdAt, true)}{v.submittedByName && <><br /><small>{v.submittedByName}</small></>}</td>
                <td>{v.reviewedAt ? <>{formatDate(v.reviewedAt)}<br /><small>{v.reviewedByName}</small></> : '—'}</td>
                <td>{formatDate(v.reviewDue)}</td>
                <td>
                  <button type="button" class="link" onClick={() => setSelected(v.version)}>Changes in v{v.version}</button>{' · '}
                  <a href={`/plans/premises/${premisesId}/${slug}/${v.version}/print`}>Printable view</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
      <ErrorMessage error={diff.error} />
      {diff.data && (
        <section class="diff" aria-live="polite" aria-labelledby="diff-title">
          <h2 id="diff-title">Changes in version {diff.data.version}{diff.data.previousVersion ? ` since version ${diff.data.previousVersion}` : ' (first version)'}</h2>
          <p class="muted">Added words are <ins>highlighted</ins>; removed words are <del>struck through</del>.</p>
          {diff.data.fields.length > 0 && (
            <ul>{diff.data.fields.map(f => <li key={f.field}>{PLAN_FIELD_LABELS[f.field as PlanField]?.label ?? f.field}: <del>{f.before ?? '—'}</del> → <ins>{f.after ?? '—'}</ins></li>)}</ul>
          )}
          {diff.data.sections.map(s => (
            <div class="plan-section" key={s.key}>
              <h3>{s.title} {s.changed ? <span class="status-pill status-submitted">changed</span> : <span class="muted">(unchanged)</span>}</h3>
              <p class={`plan-text ${s.changed ? '' : 'unchanged'}`}>
                {s.parts.length === 0 && <span class="muted">(empty)</span>}
                {s.parts.map((p, i) => p.op === 'insert' ? <ins key={i}>{p.text}</ins> : p.op === 'delete' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>)}
              </p>
            </div>
          ))}
        </section>
      )}
    </section>
  )
}
