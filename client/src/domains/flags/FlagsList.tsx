// The flags list: filter by status, group and level, sort by any column, export as CSV.
// A venue manager sees only its own venues' flags, once an officer has acknowledged them.
import { useState } from 'preact/hooks'
import { api, download } from '../../api/client.ts'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { hasRole, useSession } from '../../session.tsx'
import type { Flag } from '../../../../shared/schemas/flags.ts'
import { LevelBadge, STATUS_LABEL, fmtP } from './labels.tsx'
import { TableScroll } from '../../components/table.tsx'
import { plural } from '../../../../shared/plural.ts'

type SortKey = 'premisesName' | 'crimeGroup' | 'level' | 'status' | 'recent' | 'expected' | 'ratio' | 'p' | 'q' | 'firstRaisedAt'
const LEVEL_ORDER = { strong: 0, rising: 1, watch: 2 }

export default function FlagsList () {
  const { user } = useSession()
  const [status, setStatus] = useState(user?.role === 'venue_manager' ? '' : 'open')
  const [crimeGroup, setGroup] = useState('')
  const [level, setLevel] = useState('')
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'level', desc: false })
  const [runMessage, setRunMessage] = useState<string | null>(null)
  const [runError, setRunError] = useState<unknown>(null)
  const query = { status, crimeGroup, level }
  const list = useLoad(signal => api('/api/flags', { query, signal }), [status, crimeGroup, level])

  const items = [...(list.data?.items ?? [])].sort((a, b) => {
    const av = sort.key === 'level' ? LEVEL_ORDER[a.level] : a[sort.key] ?? -1
    const bv = sort.key === 'level' ? LEVEL_ORDER[b.level] : b[sort.key] ?? -1
    const cmp = typeof av === 'string' ? av.localeCompare(String(bv)) : Number(av) - Number(bv)
    return sort.desc ? -cmp : cmp
  })
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="link" onClick={() => setSort(s => ({ key, desc: s.key === key ? !s.desc : false }))}>{label}</button>
    </th>
  )
  async function runNow () {
    setRunError(null)
    try {
      const res = await api('/api/flags/run', { method: 'POST' })
      setRunMessage(`Evaluated ${plural(res.evaluated, 'test')}; ${res.flagged} flagged.`)
      list.reload()
    } catch (error) { setRunError(error) }
  }

  return (
    <section>
      <h1>Flags: rising theft and violence</h1>
      <p class="muted">Each venue's share of the City's theft and violence in the last 28 days against the previous 52 weeks (exact Poisson test, false discovery rate across all venues). Run weekly, Monday 06:00.</p>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>Status <select value={status} onChange={e => setStatus(e.currentTarget.value)}>
          <option value="">All</option><option value="open">Open</option><option value="acknowledged">Acknowledged</option><option value="resolved">Resolved</option>
        </select></label>
        <label>Crime group <select value={crimeGroup} onChange={e => setGroup(e.currentTarget.value)}>
          <option value="">All</option><option value="theft">Theft</option><option value="violence">Violence</option>
        </select></label>
        <label>Level <select value={level} onChange={e => setLevel(e.currentTarget.value)}>
          <option value="">All</option><option value="strong">Strong</option><option value="rising">Rising</option><option value="watch">Watch</option>
        </select></label>
        <button type="button" onClick={() => download('/api/flags/export', query, 'flags.csv')}>Export CSV</button>
        {hasRole(user, ['admin', 'licensing_officer']) && <button type="button" onClick={runNow}>Run now</button>}
      </form>
      {runMessage && <p role="status">{runMessage}</p>}
      <ErrorMessage error={runError ?? list.error} />
      {list.loading && !list.data ? <Loading /> : items.length === 0 ? (
        <Empty>No flags match. {user?.role === 'venue_manager' ? 'You see a flag once a licensing officer has acknowledged it.' : 'Try "All" statuses.'}</Empty>
      ) : (
        <TableScroll><table class="table" data-testid="flags-table">
          <thead><tr>
            {header('premisesName', 'Venue')}{header('crimeGroup', 'Group')}{header('level', 'Level')}{header('status', 'Status')}
            {header('recent', 'Last 28 days')}{header('expected', 'Expected')}{header('ratio', 'Ratio')}{header('p', 'p')}{header('q', 'q')}{header('firstRaisedAt', 'First raised')}
          </tr></thead>
          <tbody>{items.map(f => (
            <tr key={f.id}>
              <td><a href={`/flags/${f.id}`}>{f.premisesName}</a>{f.basis === 'months' && <span class="muted"> (monthly)</span>}</td>
              <td>{f.crimeGroup}</td><td><LevelBadge level={f.level} /></td><td>{STATUS_LABEL[f.status]}</td>
              <td>{f.recent} <span class="muted">({f.recentLinked} linked, {f.recentProximate} near)</span></td>
              <td>{f.expected === null ? '—' : f.expected.toFixed(1)}</td><td>{f.ratio === null ? '—' : f.ratio.toFixed(1)}</td>
              <td>{fmtP(f.p)}</td><td>{fmtP(f.q)}</td><td>{formatDate(f.firstRaisedAt)}</td>
            </tr>
          ))}</tbody>
        </table></TableScroll>
      )}
    </section>
  )
}
