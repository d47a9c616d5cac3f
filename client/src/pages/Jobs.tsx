import { api } from '../api/client.ts'
import { ErrorMessage, Loading, formatDate, useLoad } from '../components/ui.tsx'
import { useSession } from '../session.tsx'
import { localTimeZone } from '../settings.ts'
import { TableScroll } from '../components/table.tsx'

interface Jobs { cron: boolean; jobs: { name: string; schedule: string; description: string }[]; runs: { id: number; name: string; instance: string; startedAt: string; finishedAt: string | null; ok: boolean | null; error: string | null; stats: unknown }[] }

export default function JobsPage () {
  const { user } = useSession()
  const { data, error, loading, reload } = useLoad(signal => api('/api/jobs', { signal }), [])
  return (
    <section>
      <h1>Scheduled jobs</h1>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && <p class="muted">Scheduling is {data.cron ? 'on' : 'off'} in this instance (times are {localTimeZone()}).</p>}
      {data && (
        <TableScroll><table class="table">
          <thead><tr><th scope="col">Job</th><th scope="col">Schedule</th><th scope="col">What it does</th><th scope="col"></th></tr></thead>
          <tbody>{data.jobs.map(j => (
            <tr key={j.name}><td>{j.name}</td><td><code>{j.schedule}</code></td><td>{j.description}</td>
              <td>{user?.role === 'admin' && <button class="secondary small" onClick={() => api(`/api/jobs/${j.name}/run`, { method: 'POST', body: {} }).then(reload)}>Run now</button>}</td></tr>
          ))}</tbody>
        </table></TableScroll>
      )}
      <h2>Recent runs</h2>
      {data && (
        <TableScroll><table class="table">
          <thead><tr><th scope="col">Job</th><th scope="col">Started</th><th scope="col">Finished</th><th scope="col">Result</th></tr></thead>
          <tbody>{data.runs.map(r => (
            <tr key={r.id}><td>{r.name}</td><td>{formatDate(r.startedAt, true)}</td><td>{formatDate(r.finishedAt, true)}</td>
              <td>{r.ok === null ? 'running' : r.ok ? <details><summary>ok</summary><pre class="json">{JSON.stringify(r.stats, null, 2)}</pre></details> : <span class="error">{r.error}</span>}</td></tr>
          ))}</tbody>
        </table></TableScroll>
      )}
    </section>
  )
}
