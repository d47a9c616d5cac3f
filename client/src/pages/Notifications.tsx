import { api } from '../api/client.ts'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../components/ui.tsx'

interface Notification { id: number; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null }

export default function Notifications () {
  const { data, error, loading, reload } = useLoad(signal => api('/api/notifications', { signal }), [])
  async function markAll () {
    const ids = (data?.items ?? []).filter(n => !n.readAt).map(n => n.id)
    if (ids.length) await api('/api/notifications/read', { body: { ids } })
    reload()
  }
  return (
    <section>
      <div class="page-head">
        <h1>Notifications</h1>
        <button class="secondary" onClick={markAll} disabled={!data?.items.some(n => !n.readAt)}>Mark all as read</button>
      </div>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.items.length === 0 && <Empty>No notifications yet. Reminders and flags will appear here.</Empty>}
      <ul class="notification-list">
        {data?.items.map(n => (
          <li key={n.id} class={n.readAt ? 'read' : 'unread'}>
            <strong>{n.link ? <a href={n.link}>{n.title}</a> : n.title}</strong>
            {n.body && <p>{n.body}</p>}
            <small class="muted">{formatDate(n.createdAt, true)}{!n.readAt && ' · new'}</small>
          </li>
        ))}
      </ul>
    </section>
  )
}
