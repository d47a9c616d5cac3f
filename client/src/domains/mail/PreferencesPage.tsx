// Email preferences: one general choice (each at once, a daily digest, or none) and, for each
// topic, the same choice or "as above". Saved only when the person presses Save.
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Loading, useLoad } from '../../components/ui.tsx'
import { ErrorSummary } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { MAIL_MODES, MAIL_MODE_LABELS, MAIL_TOPICS, type MailMode, type MailTopic } from '../../../../shared/schemas/mail.ts'

/** Where the error summary's links go: the first radio for the general choice, each topic's select. */
const FIELD_IDS: Record<string, string> = { mode: 'mode-immediate', ...Object.fromEntries(MAIL_TOPICS.map(t => [`topics.${t.key}`, `topic-${t.key}`])) }

const SHORT: Record<MailMode, string> = { immediate: 'Each at once', digest: 'Daily digest', off: 'No email' }

export default function PreferencesPage () {
  usePageTitle('Email preferences')
  const { data, error, loading } = useLoad(signal => api('/api/me/mail-preferences', { signal }), [])
  const [mode, setMode] = useState<MailMode>('immediate')
  const [topics, setTopics] = useState<Partial<Record<MailTopic, MailMode>>>({})
  const [saveError, setSaveError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  useEffect(() => { if (data) { setMode(data.mode); setTopics(data.topics) } }, [data])

  async function save (event: Event) {
    event.preventDefault()
    setBusy(true)
    setSaveError(null)
    setSaved(false)
    try {
      const result = await api('/api/me/mail-preferences', { method: 'PUT', body: { mode, topics } })
      setMode(result.mode)
      setTopics(result.topics)
      setSaved(true)
    } catch (e) { setSaveError(e) } finally { setBusy(false) }
  }

  return (
    <section>
      <h1>Email preferences</h1>
      <ErrorSummary error={saveError ?? error} fieldIds={FIELD_IDS} />
      {loading && !data && <Loading />}
      {data && (
        <form class="form" onSubmit={save} noValidate>
          <p>Nightsafe tells you about plans, applications, flags and more on the <a href="/notifications">notifications</a> page. Choose which of them also come to <strong>{data.email}</strong> by email.</p>
          <fieldset class="radios">
            <legend>Notifications by email</legend>
            {MAIL_MODES.map(m => (
              <label key={m} for={`mode-${m}`}>
                <input type="radio" id={`mode-${m}`} name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                <span>{MAIL_MODE_LABELS[m]}{m === 'digest' && <span class="muted"> (sent at {data.digestTime} each morning, only when there is something new)</span>}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Exceptions by topic</legend>
            <p class="hint muted">Leave a topic "as above" to follow your choice above.</p>
            {MAIL_TOPICS.map(topic => (
              <div class="field" key={topic.key}>
                <label for={`topic-${topic.key}`}>{topic.label}</label>
                <select id={`topic-${topic.key}`} value={topics[topic.key] ?? ''} onChange={e => {
                  const value = e.currentTarget.value as MailMode | ''
                  const next = { ...topics }
                  if (value) next[topic.key] = value
                  else delete next[topic.key]
                  setTopics(next)
                }}>
                  <option value="">As above ({SHORT[mode].toLowerCase()})</option>
                  {MAIL_MODES.map(m => <option key={m} value={m}>{SHORT[m]}</option>)}
                </select>
              </div>
            ))}
          </fieldset>
          <p class="muted">Emails about your account (invitations, password resets) are always sent.</p>
          {saved && <p class="success" role="status">Your email preferences are saved.</p>}
          <div><button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save preferences'}</button></div>
        </form>
      )}
    </section>
  )
}
