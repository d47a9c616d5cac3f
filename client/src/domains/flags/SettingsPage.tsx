// The flag settings an administrator changes: which sources of incidents the weekly flag run
// counts (every source by default; at least one stays on). The crime groups are shown as they
// are in force and sent back unchanged. Ticks not yet saved survive leaving the screen.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { useLoad } from '../../components/ui.tsx'
import { Fieldset, Form } from '../../components/form.tsx'
import { useDraft } from '../../components/draft.ts'
import { checkAgainstSchema } from '../../../../shared/validation/check.ts'
import { settingsBody } from '../../../../shared/schemas/flags.ts'
import { INCIDENT_SOURCES, SOURCE_LABELS, type IncidentSource } from '../../../../shared/schemas/incidents.ts'
import { categoryLabel } from '../../../../shared/incident-categories.ts'
import { listInWords } from '../../../../shared/plural.ts'

const FIRST_BOX = `source-${INCIDENT_SOURCES[0]}`
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every(s => b.includes(s))

export default function FlagSettingsPage () {
  const { data, error: loadError, reload } = useLoad(signal => api('/api/flags/settings', { signal }), [])
  // null: nothing changed yet, so the boxes show the sources in force.
  const [draft, setDraft, { discard }] = useDraft<{ sources: IncidentSource[] | null }>('flags.settings', { sources: null })
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  if (loadError) return <section><h1>Flag settings</h1><p class="error" role="alert">The settings could not be loaded. Reload the page to try again.</p></section>
  if (!data) return <section><h1>Flag settings</h1><p>Loading…</p></section>
  const chosen = draft.sources ?? data.sources
  const dirty = draft.sources !== null && !same(draft.sources, data.sources)

  function toggle (source: IncidentSource, on: boolean) {
    setSaved(false)
    const next = on ? INCIDENT_SOURCES.filter(s => s === source || chosen.includes(s)) : chosen.filter(s => s !== source)
    setDraft({ sources: next })
  }

  async function save () {
    setSaved(false)
    const problems = checkAgainstSchema({ ...settingsBody, required: ['groups', 'sources'] }, { groups: data!.groups, sources: chosen })
    if (problems.length) { setError(problems); return }
    try {
      await api('/api/flags/settings', { method: 'PUT', body: { groups: data!.groups, sources: chosen } })
      setError(null)
      discard()
      await reload()
      setSaved(true)
    } catch (e) { setError(e) }
  }

  return (
    <section>
      <h1>Flag settings</h1>
      <p>The weekly flag run tests each venue for rising theft or violence. These settings say which records it counts.</p>
      <Form class="form card" onSubmit={save} error={error} dirty={dirty} fieldIds={{ sources: FIRST_BOX }}>
        <Fieldset legend="Sources of incidents that flags count" name="sources" error={error}
          hint="Untick a source to leave its records out of the counts, the City totals and the flags' explanations. At least one stays on.">
          <div class="checkboxes">
            {INCIDENT_SOURCES.map(source => (
              <label key={source} for={`source-${source}`}>
                <input id={`source-${source}`} type="checkbox" name="sources" value={source} checked={chosen.includes(source)}
                  onChange={e => toggle(source, e.currentTarget.checked)} />
                {SOURCE_LABELS[source]}
              </label>
            ))}
          </div>
        </Fieldset>
        {saved && <p class="success" role="status">The flag settings are saved. The next run counts {chosen.length === INCIDENT_SOURCES.length ? 'every source' : listInWords(chosen.map(s => SOURCE_LABELS[s]))}.</p>}
        <div><button type="submit">Save flag settings</button></div>
      </Form>
      <h2>Crime groups</h2>
      <dl>
        {Object.entries(data.groups).map(([group, categories]) => (
          <div key={group}><dt>{group.charAt(0).toUpperCase() + group.slice(1)}</dt><dd>{listInWords(categories.map(categoryLabel))}</dd></div>
        ))}
      </dl>
    </section>
  )
}
