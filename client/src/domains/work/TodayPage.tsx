// "Today": the work waiting on the person signed in, overdue first, each item a link to the
// screen that does it. The server decides what is whose (GET /api/me/work); this page filters
// and sorts what it is given.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Field, Form } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { localTimeZone } from '../../settings.ts'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { WORK_KIND_LABELS, type WorkItem, type WorkKind } from '../../../../shared/schemas/work.ts'

type Show = 'all' | 'overdue' | 'dated'
type Sort = 'deadline' | 'kind'

const DAY_MS = 24 * 60 * 60 * 1000

/** "3 days overdue", "due today", "due in 2 days", counted in whole calendar days. */
function dueInWords (dueOn: string, today: string): string {
  const days = Math.round((Date.parse(dueOn + 'T00:00:00Z') - Date.parse(today + 'T00:00:00Z')) / DAY_MS)
  if (days < 0) return `${-days} ${days === -1 ? 'day' : 'days'} overdue`
  if (days === 0) return 'due today'
  return `due in ${days} ${days === 1 ? 'day' : 'days'}`
}

function localToday (): string {
  // en-CA writes dates as YYYY-MM-DD, in the zone the deadlines are kept in.
  return new Date().toLocaleDateString('en-CA', { timeZone: localTimeZone() })
}

function WorkEntry ({ item, today }: { item: WorkItem; today: string }) {
  return (
    <li class={item.overdue ? 'overdue' : ''} data-kind={item.kind}>
      <span class="work-kind">{WORK_KIND_LABELS[item.kind as WorkKind] ?? item.kind}</span>
      <a href={item.link}>{item.title}</a>
      {item.dueOn && (
        <span class={item.overdue ? 'work-due overdue-text' : 'work-due'}>
          Due {formatDate(item.dueOn)} ({dueInWords(item.dueOn, today)})
        </span>
      )}
      {item.assignee && <span class="muted">Assigned to {item.assignee}</span>}
    </li>
  )
}

export default function TodayPage () {
  usePageTitle('Today')
  const { data, error, loading } = useLoad(signal => api('/api/me/work', { signal }), [])
  const [show, setShow] = useState<Show>('all')
  const [sort, setSort] = useState<Sort>('deadline')
  const today = localToday()
  const all = data?.items ?? []
  const shown = all.filter(i => show === 'all' || (show === 'overdue' ? i.overdue : Boolean(i.dueOn)))
  // The server's order is by urgency; sorting by kind keeps that order within each kind.
  const ordered = sort === 'kind' ? [...shown].sort((a, b) => WORK_KIND_LABELS[a.kind].localeCompare(WORK_KIND_LABELS[b.kind])) : shown
  const overdue = all.filter(i => i.overdue).length

  return (
    <section class="today">
      <h1>Today</h1>
      {data && (
        <p class="lead" role="status">
          {all.length === 0 ? 'Nothing is waiting on you.' : `${all.length} ${all.length === 1 ? 'thing is' : 'things are'} waiting on you${overdue ? `, ${overdue} overdue` : ''}.`}
        </p>
      )}
      <Form class="filters" onSubmit={() => {}} error={undefined} aria-label="Filter and sort your work">
        <Field id="work-show" label="Show">
          <select id="work-show" value={show} onChange={e => setShow(e.currentTarget.value as Show)}>
            <option value="all">All work</option>
            <option value="overdue">Overdue only</option>
            <option value="dated">With a deadline</option>
          </select>
        </Field>
        <Field id="work-sort" label="Sort by">
          <select id="work-sort" value={sort} onChange={e => setSort(e.currentTarget.value as Sort)}>
            <option value="deadline">Deadline, overdue first</option>
            <option value="kind">Kind of work</option>
          </select>
        </Field>
      </Form>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && all.length === 0 && (
        <Empty>You are up to date. New applications, plans to review, flags and notices will appear here when they need you; the <a href="/map">map</a> and the <a href="/notifications">notifications</a> show what else has happened.</Empty>
      )}
      {data && all.length > 0 && ordered.length === 0 && <Empty>Nothing matches. Choose "All work" to see everything.</Empty>}
      {ordered.length > 0 && (
        <ul class="work-list" data-testid="work-list">
          {ordered.map(item => <WorkEntry key={`${item.kind}:${item.link}:${item.title}`} item={item} today={today} />)}
        </ul>
      )}
    </section>
  )
}
