import { useState } from 'preact/hooks'
import { api } from '../api/client.ts'
import { Empty, ErrorMessage, Loading, Pager, formatDate, useLoad } from '../components/ui.tsx'
import { TableScroll } from '../components/table.tsx'

interface AuditRow { id: number; at: string; userEmail: string | null; action: string; entity: string; entityId: string | null; before: unknown; after: unknown }

function changedFields (before: any, after: any): string {
  if (!before || !after || typeof before !== 'object') return ''
  return Object.keys(after).filter(k => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && k !== 'updatedAt').join(', ')
}

export default function Audit () {
  const params = new URLSearchParams(location.search)
  const [entity, setEntity] = useState(params.get('entity') ?? '')
  const [entityId, setEntityId] = useState(params.get('entityId') ?? '')
  const [offset, setOffset] = useState(0)
  const { data, error, loading } = useLoad(signal => api('/api/audit', { query: { entity, entityId, limit: 50, offset }, signal }), [entity, entityId, offset])
  return (
    <section>
      <h1>Audit log</h1>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>Record type <input value={entity} onChange={e => { setEntity(e.currentTarget.value); setOffset(0) }} placeholder="premises, incident, user…" /></label>
        <label>Record id <input value={entityId} onChange={e => { setEntityId(e.currentTarget.value); setOffset(0) }} /></label>
      </form>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <Empty>No changes recorded for this filter.</Empty>}
      {data && data.items.length > 0 && (
        <TableScroll><table class="table">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Record</th><th scope="col">Changed</th></tr></thead>
          <tbody>
            {data.items.map(row => (
              <tr key={row.id}>
                <td>{formatDate(row.at, true)}</td>
                <td>{row.userEmail ?? 'system'}</td>
                <td>{row.action}</td>
                <td>{row.entity} {row.entityId}</td>
                <td>
                  <details><summary>{changedFields(row.before, row.after) || 'details'}</summary>
                    <pre class="json">{JSON.stringify({ before: row.before, after: row.after }, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
      {data && <Pager offset={offset} pageSize={50} total={data.total} onChange={setOffset} labels={['Newer', 'Older']} />}
    </section>
  )
}
