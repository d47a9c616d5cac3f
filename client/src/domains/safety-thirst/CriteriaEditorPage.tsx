// Administrators' criteria editor: start a draft version from the current set, edit, add or retire
// criteria, change tier thresholds, publish; plus the scheme settings (target, moderation).
import { useState } from 'preact/hooks'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { Field } from '../../components/form.tsx'
import { ST_LEVELS, type CriterionChanges, type NewCriterion } from '../../../../shared/schemas/safety-thirst.ts'
import { LEVEL_LABELS, stApi, type CriteriaSet, type Criterion } from './stApi.ts'
import './st.css'
import { TableScroll } from '../../components/table.tsx'

function CriterionRow ({ set, c, onChange }: { set: CriteriaSet; c: Criterion; onChange: (s: CriteriaSet) => void }) {
  const [text, setText] = useState(c.text)
  const [evidence, setEvidence] = useState(c.evidence)
  const [level, setLevel] = useState(c.level)
  const [error, setError] = useState<unknown>(null)
  const editable = set.status === 'draft'
  const save = async (changes: CriterionChanges) => { try { setError(null); onChange(await stApi.updateCriterion(set.id, c.code, changes)) } catch (e) { setError(e) } }
  return (
    <tr class={c.retired ? 'muted' : ''}>
      <th scope="row">{c.code}{c.retired && <> <span class="pill">retired</span></>}</th>
      <td>{c.category}</td>
      <td>{editable ? <select aria-label={`Level of ${c.code}`} value={level} onChange={e => setLevel(e.currentTarget.value as Criterion['level'])}>{ST_LEVELS.map(l => <option key={l} value={l}>{LEVEL_LABELS[l]}</option>)}</select> : LEVEL_LABELS[c.level]}</td>
      <td>{editable ? <textarea aria-label={`Text of ${c.code}`} value={text} onInput={e => setText(e.currentTarget.value)} /> : c.text}</td>
      <td>{editable ? <textarea aria-label={`Evidence for ${c.code}`} value={evidence} onInput={e => setEvidence(e.currentTarget.value)} /> : c.evidence}</td>
      {editable && (
        <td>
          <button type="button" class="secondary" onClick={() => save({ text, evidence, level })}>Save</button>{' '}
          <button type="button" class="secondary" onClick={() => save({ retired: !c.retired })}>{c.retired ? 'Restore' : 'Retire'}</button>
          <ErrorMessage error={error} />
        </td>
      )}
    </tr>
  )
}

function SetEditor ({ setId }: { setId: number }) {
  const loaded = useLoad(signal => stApi.set(setId, signal), [setId])
  const [override, setOverride] = useState<CriteriaSet | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [adding, setAdding] = useState<NewCriterion>({ code: '', category: 'CD', level: 'desired', text: '', evidence: '' })
  const set = override ?? loaded.data
  if (!set) return loaded.error ? <ErrorMessage error={loaded.error} /> : <Loading />
  const draft = set.status === 'draft'
  const act = async (fn: () => Promise<CriteriaSet>) => { try { setError(null); setOverride(await fn()) } catch (e) { setError(e) } }
  return (
    <section aria-labelledby="st-set">
      <h2 id="st-set">Version {set.version} <span class="pill">{set.status}</span></h2>
      <form class="filters" onSubmit={e => { e.preventDefault(); const f = new FormData(e.currentTarget); void act(() => stApi.updateDraft(set.id, { rules: { commendedDesiredPct: Number(f.get('c')), highlyCommendedDesiredPct: Number(f.get('h')), highlyCommendedBonus: Number(f.get('b')) } })) }}>
        <label>Commended: desired % <input name="c" type="number" min={0} max={100} defaultValue={String(set.rules.commendedDesiredPct)} disabled={!draft} /></label>
        <label>Highly Commended: desired % <input name="h" type="number" min={0} max={100} defaultValue={String(set.rules.highlyCommendedDesiredPct)} disabled={!draft} /></label>
        <label>Highly Commended: bonus count <input name="b" type="number" min={0} defaultValue={String(set.rules.highlyCommendedBonus)} disabled={!draft} /></label>
        {draft && <button type="submit" class="secondary">Save thresholds</button>}
      </form>
      <ErrorMessage error={error} />
      {draft && <p><button type="button" onClick={() => act(() => stApi.publish(set.id))}>Publish version {set.version}</button> <span class="muted">New applications will use it; existing ones keep their version.</span></p>}
      <TableScroll><table class="table">
        <thead><tr><th scope="col">Code</th><th scope="col">Category</th><th scope="col">Level</th><th scope="col">Criterion</th><th scope="col">Evidence</th>{draft && <th scope="col">Actions</th>}</tr></thead>
        <tbody>{set.criteria.map(c => <CriterionRow key={`${set.id}-${c.code}-${c.retired}`} set={set} c={c} onChange={setOverride} />)}</tbody>
      </table></TableScroll>
      {draft && (
        <form class="form card" onSubmit={e => { e.preventDefault(); void act(() => stApi.addCriterion(set.id, adding)) }}>
          <h3>Add a criterion</h3>
          <Field id="code" label="Code (e.g. SP3)" error={error}><input id="code" required value={adding.code} onInput={e => setAdding({ ...adding, code: e.currentTarget.value.toUpperCase() })} /></Field>
          <Field id="category" label="Category" error={error}><select id="category" value={adding.category} onChange={e => setAdding({ ...adding, category: e.currentTarget.value })}>{set.categories.map(c => <option key={c.code} value={c.code}>{c.title}</option>)}</select></Field>
          <Field id="level" label="Level" error={error}><select id="level" value={adding.level} onChange={e => setAdding({ ...adding, level: e.currentTarget.value as NewCriterion['level'] })}>{ST_LEVELS.map(l => <option key={l} value={l}>{LEVEL_LABELS[l]}</option>)}</select></Field>
          <Field id="text" label="Criterion" error={error}><textarea id="text" required value={adding.text} onInput={e => setAdding({ ...adding, text: e.currentTarget.value })} /></Field>
          <Field id="evidence" label="Evidence expected" error={error}><textarea id="evidence" value={adding.evidence} onInput={e => setAdding({ ...adding, evidence: e.currentTarget.value })} /></Field>
          <button type="submit">Add criterion</button>
        </form>
      )}
    </section>
  )
}

function Settings () {
  const loaded = useLoad(signal => stApi.settings(signal), [])
  const [message, setMessage] = useState<unknown>(null)
  if (!loaded.data) return null
  return (
    <form class="filters card" onSubmit={async e => {
      e.preventDefault()
      const f = new FormData(e.currentTarget)
      try { await stApi.saveSettings({ target: Number(f.get('target')), moderationRequired: f.get('moderation') === 'on' }); setMessage('Settings saved.') } catch (err) { setMessage(err) }
    }}>
      <label>Yearly target (accredited venues) <input name="target" type="number" min={0} defaultValue={String(loaded.data.target)} /></label>
      <label><input name="moderation" type="checkbox" defaultChecked={loaded.data.moderationRequired} /> Moderation required before a decision</label>
      <button type="submit" class="secondary">Save settings</button>
      {typeof message === 'string' ? <span class="success" role="status">{message}</span> : <ErrorMessage error={message} />}
    </form>
  )
}

export default function CriteriaEditorPage () {
  const sets = useLoad(signal => stApi.sets(signal), [])
  const [selected, setSelected] = useState<number | null>(null)
  const [version, setVersion] = useState('')
  const [error, setError] = useState<unknown>(null)
  const items = sets.data?.items ?? []
  const current = selected ?? items.find(s => s.status === 'draft')?.id ?? items.find(s => s.status === 'published')?.id ?? null
  return (
    <section>
      <h1>Safety Thirst criteria</h1>
      <Settings />
      {sets.loading && !sets.data && <Loading />}
      {sets.data && !items.length && <Empty>No criteria sets yet.</Empty>}
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>Version <select value={current ?? ''} onChange={e => setSelected(Number(e.currentTarget.value))}>{items.map(s => <option key={s.id} value={s.id}>{s.version} ({s.status}{s.publishedAt ? `, ${formatDate(s.publishedAt)}` : ''})</option>)}</select></label>
      </form>
      {!items.some(s => s.status === 'draft') && (
        <form class="filters" onSubmit={async e => { e.preventDefault(); try { const d = await stApi.createDraft(version); setSelected(d.id); sets.reload() } catch (err) { setError(err) } }}>
          <Field id="version" label="New draft version (copies the current set)" error={error}><input id="version" required value={version} onInput={e => setVersion(e.currentTarget.value)} placeholder="2027-1" /></Field>
          <button type="submit">Start draft</button>
        </form>
      )}
      <ErrorMessage error={error} />
      {current && <SetEditor key={current} setId={current} />}
    </section>
  )
}
