// The main navigation, grouped by domain (route nav orders 20–29 premises, 30–39 incidents, …):
// each group shows its main screen as a link and the rest behind a small disclosure button, so
// officers with many screens still get one tidy row.
import { useEffect, useState } from 'preact/hooks'
import type { AppRoute } from '../routes.ts'

interface Props { items: AppRoute[]; path: string; onNavigate: () => void }

const isCurrent = (route: AppRoute, path: string) => path === route.path || (route.path !== '/' && path.startsWith(route.path + '/'))

export function NavMenu ({ items, path, onNavigate }: Props) {
  const [open, setOpen] = useState<number | null>(null)
  useEffect(() => setOpen(null), [path])
  useEffect(() => {
    if (open === null) return
    const close = (event: Event) => { if (!(event.target as Element).closest?.('.nav-group')) setOpen(null) }
    // Escape closes the submenu and gives the focus back to its toggle, not to the page body.
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      document.getElementById(`nav-more-toggle-${open}`)?.focus()
      setOpen(null)
    }
    document.addEventListener('click', close)
    document.addEventListener('keydown', escape)
    return () => { document.removeEventListener('click', close); document.removeEventListener('keydown', escape) }
  }, [open])

  const groups = new Map<number, AppRoute[]>()
  for (const route of items) {
    const key = Math.floor(route.nav!.order / 10)
    groups.set(key, [...(groups.get(key) ?? []), route])
  }

  return (
    <ul>
      {[...groups.entries()].map(([key, [main, ...more]]) => {
        const current = [main!, ...more].some(r => isCurrent(r, path))
        return (
          <li key={key} class={`nav-group ${current ? 'current' : ''}`}>
            <a href={main!.path} aria-current={isCurrent(main!, path) ? 'page' : undefined} onClick={onNavigate}>{main!.nav!.label}</a>
            {more.length > 0 && (
              <>
                <button type="button" class="nav-more" id={`nav-more-toggle-${key}`} aria-expanded={open === key} aria-controls={`nav-more-${key}`} aria-label={`More in ${main!.nav!.label}`} onClick={() => setOpen(open === key ? null : key)}>▾</button>
                <ul id={`nav-more-${key}`} class="nav-submenu" hidden={open !== key}>
                  {more.map(r => (
                    <li key={r.path}><a href={r.path} aria-current={isCurrent(r, path) ? 'page' : undefined} onClick={onNavigate}>{r.nav!.label}</a></li>
                  ))}
                </ul>
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}
