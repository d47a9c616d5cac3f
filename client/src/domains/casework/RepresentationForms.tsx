// What a case's readers may do with its representations: a responsible authority (or an officer
// for the licensing authority, or recording an other person's letter) makes one while the period
// is open; officers assess each one relevant or not with a reason; the licensing team or the
// authority that made one withdraws it after mediation. The server decides who may; these forms
// appear only for the roles it allows.
import { useState } from 'preact/hooks'
import { Field, Fieldset, Form, type Problem } from '../../components/form.tsx'
import { hasRole, useSession } from '../../session.tsx'
import { LICENSING_OBJECTIVES } from '../../../../shared/schemas/licence-applications.ts'
import { IRRELEVANT_GROUNDS, type AssessmentBody, type RepresentationBody } from '../../../../shared/schemas/cases.ts'
import { IRRELEVANT_GROUND_LABELS, OBJECTIVE_LABELS } from '../../../../shared/casework/cases.ts'
import { ORGANISATION_LABELS, organisationOf } from '../../../../shared/roles.ts'
import { casesApi, type LicensingCase, type Representation } from './casesApi.ts'
import { formatLocal } from './tensApi.ts'

const OFFICERS = ['licensing_officer', 'admin'] as const
type Done = () => Promise<void>

export function ObjectiveChoices ({ value, onChange, error, idPrefix = 'objective' }: { value: string[]; onChange: (v: string[]) => void; error: unknown; idPrefix?: string }) {
  return (
    <Fieldset legend="Licensing objectives it is about" name="objectives" error={error}>
      {LICENSING_OBJECTIVES.map(o => (
        <label key={o} class="checkbox"><input id={`${idPrefix}-${o}`} type="checkbox" checked={value.includes(o)} onChange={e => onChange(e.currentTarget.checked ? [...value, o] : value.filter(x => x !== o))} /> {OBJECTIVE_LABELS[o]}</label>
      ))}
    </Fieldset>
  )
}

export function RepresentationForm ({ item, onDone }: { item: LicensingCase; onDone: Done }) {
  const { user } = useSession()
  const organisation = user ? organisationOf(user) : null
  const officer = hasRole(user, OFFICERS)
  const [party, setParty] = useState<RepresentationBody['party']>('responsible_authority')
  const [objectives, setObjectives] = useState<string[]>([])
  const [text, setText] = useState('')
  const [person, setPerson] = useState({ name: '', address: '', email: '' })
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  if (!organisation || item.status === 'decided' || item.status === 'withdrawn') return null
  if (!item.representationsOpen) return <p class="muted">Representations closed at the end of {formatLocal(item.representationPeriod.to)}.</p>
  async function submit () {
    const problems: Problem[] = []
    if (!objectives.length) problems.push({ field: 'objectives', message: 'Choose at least one licensing objective' })
    if (!text.trim()) problems.push({ field: 'text', message: 'Say how the application affects the licensing objectives you chose' })
    if (party === 'other_person' && !person.name.trim()) problems.push({ field: 'person.name', message: 'Enter the name of the person who made the representation' })
    if (party === 'other_person' && !person.address.trim()) problems.push({ field: 'person.address', message: 'Enter their address, with the postcode' })
    if (problems.length) { setError(problems); return }
    const chosen = objectives as RepresentationBody['objectives']
    const body: RepresentationBody = party === 'other_person'
      ? { party, objectives: chosen, text, person: { name: person.name, address: person.address, ...(person.email.trim() ? { email: person.email.trim() } : {}) } }
      : { party, objectives: chosen, text }
    try {
      await casesApi.represent(item.id, body)
      setError(null); setText(''); setObjectives([]); setPerson({ name: '', address: '', email: '' }); setDone(true)
      await onDone()
    } catch (e) { setError(e) }
  }
  return (
    <Form class="card form" onSubmit={submit} error={error} dirty={text.trim() !== ''} aria-labelledby="represent-title" fieldIds={{ objectives: `objective-${LICENSING_OBJECTIVES[0]}` }}>
      <h2 id="represent-title">Make a representation</h2>
      {done && <p class="success" role="status">Representation recorded.</p>}
      <p class="hint">Until the end of {formatLocal(item.representationPeriod.to)}, the last day of the 28-day period.</p>
      {officer && (
        <Fieldset legend="Made by" name="party" error={error}>
          <label class="checkbox"><input type="radio" name="party" checked={party === 'responsible_authority'} onChange={() => setParty('responsible_authority')} /> {ORGANISATION_LABELS[organisation]}</label>
          <label class="checkbox"><input type="radio" name="party" checked={party === 'other_person'} onChange={() => setParty('other_person')} /> An other person (a resident or business), from their letter or email</label>
        </Fieldset>
      )}
      {!officer && <p>As {ORGANISATION_LABELS[organisation]}.</p>}
      {party === 'other_person' && <>
        <Field id="person-name" name="person.name" label="Their full name" error={error}><input id="person-name" value={person.name} onInput={e => setPerson({ ...person, name: e.currentTarget.value })} /></Field>
        <Field id="person-address" name="person.address" label="Their address" error={error}><textarea id="person-address" rows={2} value={person.address} onInput={e => setPerson({ ...person, address: e.currentTarget.value })} /></Field>
        <Field id="person-email" name="person.email" label="Their email address (optional)" error={error}><input id="person-email" type="email" value={person.email} onInput={e => setPerson({ ...person, email: e.currentTarget.value })} /></Field>
      </>}
      <ObjectiveChoices value={objectives} onChange={setObjectives} error={error} />
      <Field id="text" label="The representation" error={error}><textarea id="text" rows={5} value={text} onInput={e => setText(e.currentTarget.value)} /></Field>
      <button type="submit">Make the representation</button>
    </Form>
  )
}

export function AssessForm ({ rep, onDone }: { rep: Representation; onDone: Done }) {
  const { user } = useSession()
  const [relevance, setRelevance] = useState<'relevant' | 'irrelevant'>('relevant')
  const [ground, setGround] = useState<string>('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<unknown>(null)
  if (!hasRole(user, OFFICERS) || rep.status !== 'received' || rep.relevance !== null) return null
  const id = `assess-${rep.id}`
  async function submit () {
    const problems: Problem[] = []
    if (relevance === 'irrelevant' && !ground) problems.push({ field: 'ground', message: 'Say why it is not relevant: frivolous, vexatious, or not about a licensing objective' })
    if (!reason.trim()) problems.push({ field: 'reason', message: 'Give the reason for the assessment' })
    if (problems.length) { setError(problems); return }
    try {
      await casesApi.assess(rep.id, relevance === 'irrelevant' ? { relevance, ground: ground as NonNullable<AssessmentBody['ground']>, reason } : { relevance, reason })
      setError(null)
      await onDone()
    } catch (e) { setError(e) }
  }
  return (
    <Form class="form" onSubmit={submit} error={error} dirty={reason.trim() !== ''} aria-label={`Assess the representation from ${rep.label}`} fieldIds={{ reason: `${id}-reason`, ground: `${id}-ground` }}>
      <Fieldset legend={`Is the representation from ${rep.label} relevant?`} name="relevance" id={`${id}-relevance`} error={error}>
        <label class="checkbox"><input type="radio" name={`${id}-relevance`} checked={relevance === 'relevant'} onChange={() => setRelevance('relevant')} /> Relevant</label>
        <label class="checkbox"><input type="radio" name={`${id}-relevance`} checked={relevance === 'irrelevant'} onChange={() => setRelevance('irrelevant')} /> Not relevant</label>
      </Fieldset>
      {relevance === 'irrelevant' && (
        <Field id={`${id}-ground`} name="ground" label="Why it is not relevant" error={error}>
          <select id={`${id}-ground`} value={ground} onChange={e => setGround(e.currentTarget.value)}>
            <option value="">Choose</option>
            {IRRELEVANT_GROUNDS.map(g => <option key={g} value={g}>{IRRELEVANT_GROUND_LABELS[g]}</option>)}
          </select>
        </Field>
      )}
      <Field id={`${id}-reason`} name="reason" label="Reason" error={error}><textarea id={`${id}-reason`} rows={2} value={reason} onInput={e => setReason(e.currentTarget.value)} /></Field>
      <button type="submit">Record the assessment</button>
    </Form>
  )
}

export function WithdrawRepresentationForm ({ rep, onDone }: { rep: Representation; onDone: Done }) {
  const { user } = useSession()
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  const ownAuthority = user && rep.party === 'responsible_authority' && rep.organisation === organisationOf(user)
  if (rep.status === 'withdrawn' || !(hasRole(user, OFFICERS) || ownAuthority)) return null
  if (!open) return <p><button type="button" class="secondary" onClick={() => setOpen(true)}>Withdraw the representation from {rep.label}</button></p>
  const id = `withdraw-${rep.id}`
  async function submit () {
    if (!note.trim()) { setError([{ field: 'note', message: 'Say how it was withdrawn, for example after mediation agreed a condition' }]); return }
    try { await casesApi.withdraw(rep.id, { note }); setError(null); setOpen(false); await onDone() } catch (e) { setError(e) }
  }
  return (
    <Form class="form" onSubmit={submit} error={error} dirty={note.trim() !== ''} aria-label={`Withdraw the representation from ${rep.label}`} fieldIds={{ note: `${id}-note` }}>
      <Field id={`${id}-note`} name="note" label="How it was withdrawn" error={error}><textarea id={`${id}-note`} rows={2} value={note} onInput={e => setNote(e.currentTarget.value)} /></Field>
      <button type="submit" class="danger">Withdraw it</button>
    </Form>
  )
}
