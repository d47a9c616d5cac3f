// "Today": the work waiting on the person signed in, overdue first, each item a link to the
// screen that does it. The server decides what is whose (GET /api/me/work); this page filters
// and sorts what it is given. Officers see the team's work or only what is assigned to them
// ("mine"), and assign an item to a colleague.
import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { Field, Form } from '../../components/form.tsx'
import { usePageTitle } from '../../components/title.ts'
import { localTimeZone } from '../../settings.ts'
import { Empty, ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import { hasRole, useSession } from '../../session.tsx'
import { OFFICERS } from '../../../../shared/roles.ts'
import { WORK_KIND_LABELS, type ListedWorkItem as WorkItem, type WorkKind, type WorkView } from '../../../../shared/schemas/work.ts'
import { AssignWork, type Officer } from './AssignWork.tsx'

const NO_OFFICERS = Promise.resolve(null)

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

interface EntryProps { item: WorkItem; today: string; index: number; officers: Officer[] | null; onAssigned: () => void }

function WorkEntry ({ item, today, index, officers, onAssigned }: EntryProps) {
  return (
    <li class={item.overdue ? 'overdue' : ''} data-kind={item.kind}>
      <span class="work-kind">{WORK_KIND_LABELS[item.kind as WorkKind] ?? item.kind}</span>
      <a href={item.link}>{item.title}</a>
      {item.dueOn && (
        <span class={item.overdue ? 'work-due overdue-text' : 'work-due'}>
          Due {formatDate(item.dueOn)} ({dueInWords(item.dueOn, today)})
        </span>
      )}
      {item.assignee && <span class="muted work-assignee">Assigned to {item.assignee}</span>}
      {officers && <AssignWork itemKey={item.key} index={index} assigneeId={item.assigneeId} officers={officers} onAssigned={onAssigned} />}
    </li>
  )
}

export default function TodayPage () {
  usePageTitle('Today')
  const { user } = useSession()
  const officer = hasRole(user, OFFICERS)
  const [view, setView] = useState<WorkView>('team')
  const { data, error, loading, reload } = useLoad(signal => api('/api/me/work', { signal, query: { view } }), [view])
  // Whom work can be assigned to; only officers assign, so nobody else asks.
  const { data: officers } = useLoad<Officer[] | null>(
    signal => officer ? api('/api/me/work/assignees', { signal }).then(r => r.assignees) : NO_OFFICERS, [officer])
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
        {officer && (
          <Field id="work-view" label="Whose work">
            <select id="work-view" value={view} onChange={e => setView(e.currentTarget.value as WorkView)}>
              <option value="team">The team's</option>
              <option value="mine">Assigned to me</option>
            </select>
          </Field>
        )}
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
      {data && all.length === 0 && view === 'mine' && (
        <Empty>Nothing is assigned to you. Choose "The team's" to see all the team's work and take something on.</Empty>
      )}
      {data && all.length === 0 && view === 'team' && (
        <Empty>You are up to date. New applications, plans to review, flags and notices will appear here when they need you; the <a href="/map">map</a> and the <a href="/notifications">notifications</a> show what else has happened.</Empty>
      )}
      {data && all.length > 0 && ordered.length === 0 && <Empty>Nothing matches. Choose "All work" to see everything.</Empty>}
      {ordered.length > 0 && (
        <ul class="work-list" data-testid="work-list">
          {ordered.map((item, index) => (
            <WorkEntry
              key={`${item.key}:${item.title}`} item={item} today={today} index={index} officers={officers ?? null}
              onAssigned={() => { void reload() }}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
