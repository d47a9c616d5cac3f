// The application shell: session, router with lazy pages, role guard and error boundary.
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso'
// The router's own path matching, so the title follows exactly the route the router shows.
import { exec } from 'preact-iso/router'
import { useEffect } from 'preact/hooks'
import { routes, type AppRoute } from './routes.ts'
import { SessionProvider, hasRole, useSession } from './session.tsx'
import { Layout } from './components/Layout.tsx'
import { NotFound } from './pages/NotFound.tsx'
import { Loading } from './components/ui.tsx'
import { publicSettings } from './settings.ts'
import { setRouteTitle } from './components/title.ts'
import { focusNewPage } from './components/navigation.ts'

// Fetched at start so forms open on the authority's local date.
void publicSettings()

const pages = new Map(routes.map(r => [r.path, lazy(r.load)]))

// The first page of a visit keeps the browser's own focus; later ones move it to their heading.
let firstPage = true

/** Once a route's page is on screen: its title, and (after a navigation) focus on its heading. */
function useRouteArrival (route: AppRoute, url: string) {
  // During render, so the page's own usePageTitle (an effect, which runs first) adds to it. While
  // a lazy page loads, the router renders the page being left as well: only the route that
  // matches the address shown may set the title, or the old route's title ends up under the
  // new page's ("Where? – Licensed premises … – Nightsafe").
  if (exec(url, route.path)) setRouteTitle(route.title)
  useEffect(() => {
    if (firstPage) { firstPage = false; return }
    focusNewPage(document.getElementById('main'))
  }, [route.path, url])
}

function Guarded ({ route, ...props }: { route: AppRoute } & Record<string, unknown>) {
  const { user, loading } = useSession()
  const location = useLocation()
  const Page = pages.get(route.path)!
  const needsLogin = route.access !== 'public' && !user
  useRouteArrival(route, location.path)
  useEffect(() => {
    if (!loading && needsLogin) location.route(`/login?next=${encodeURIComponent(location.url)}`, true)
  }, [loading, needsLogin])
  // A public page need not wait to learn who is logged in (the session check is a request).
  if (needsLogin) return <Loading />
  if (!hasRole(user, route.access)) {
    return (
      <section>
        <h1>Not available to your role</h1>
        <p>This page is for {Array.isArray(route.access) ? route.access.join(', ').replace(/_/g, ' ') : 'other users'}.</p>
      </section>
    )
  }
  return <Page {...props} />
}

export function App () {
  return (
    <LocationProvider>
      <SessionProvider>
        <Layout>
          <ErrorBoundary onError={error => console.error(error)}>
            <Router>
              {[
                ...routes.map(route => <Route key={route.path} path={route.path} component={(props: Record<string, unknown>) => <Guarded route={route} {...props} />} />),
                <Route key="404" default component={NotFound} />
              ]}
            </Router>
          </ErrorBoundary>
        </Layout>
      </SessionProvider>
    </LocationProvider>
  )
}
