// Page frame: skip link, header with the navigation for the user's role, and the main area.
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { routes } from '../routes.ts'
import { hasRole, useSession } from '../session.tsx'
import { ROLE_LABELS } from '../../../shared/roles.ts'
import { api } from '../api/client.ts'
import { NavMenu } from './NavMenu.tsx'
import { registerAnnouncer } from './navigation.ts'

export function Layout ({ children }: { children: ComponentChildren }) {
  const { user, logout } = useSession()
  const { path, route } = useLocation()
  const [unread, setUnread] = useState(0)
  const [menuOpen, setMenuOpen] = useState(false)
  const wide = routes.find(r => r.path === path)?.wide || path.startsWith('/hotspots')

  useEffect(() => {
    if (!user) return
    const load = () => api('/api/notifications', { query: { unread: true } }).then(r => setUnread(r.unread)).catch(() => {})
    load()
    const timer = setInterval(load, 60000)
    return () => clearInterval(timer)
  }, [user?.id, path])

  const nav = routes
    .filter(r => r.nav && hasRole(user, r.nav.roles ?? r.access) && (user || r.access === 'public'))
    .sort((a, b) => a.nav!.order - b.nav!.order)

  return (
    <div class="shell">
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <a class="brand" href={user ? '/map' : '/'} aria-label="Nightsafe home">
          <span class="brand-mark" aria-hidden="true">☾</span> Nightsafe
        </a>
        <button class="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>Menu</button>
        <nav id="main-nav" class={menuOpen ? 'open' : ''} aria-label="Main">
          <NavMenu items={nav} path={path} onNavigate={() => setMenuOpen(false)} />
        </nav>
        <div class="account">
          {user
            ? (
              <>
                <a class="bell" href="/notifications" aria-label={`Notifications, ${unread} unread`}>
                  <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="currentColor"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"/></svg>{unread > 0 && <span class="badge">{unread}</span>}
                </a>
                <a class="who" href="/account/email" title={`${user.email}: email preferences`}>{user.name} <small>{ROLE_LABELS[user.role]}</small></a>
                <button class="link" onClick={() => { logout(); route('/login') }}>Log out</button>
              </>
              )
            : <a class="button small" href="/login">Log in</a>}
        </div>
      </header>
      <main id="main" class={wide ? 'wide' : 'narrow'} tabIndex={-1}>{children}</main>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="route-announcer" ref={registerAnnouncer} />
    </div>
  )
}
