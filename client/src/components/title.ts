// Every screen has its own page title. The route table gives each route one (routes.ts), set
// as the route opens ("Premises – Nightsafe"); a screen showing one record adds what it shows in
// front while it is shown ("The Hoop & Grapes – Premises – Nightsafe").
import { useEffect } from 'preact/hooks'

export const SITE = 'Nightsafe'

let routeTitle = ''
let detail: string | null = null

function apply () {
  document.title = [detail, routeTitle, SITE].filter(Boolean).join(' – ')
}

/** The route's own title (called by the router as a route opens). */
export function setRouteTitle (title: string) {
  if (title === routeTitle && document.title.endsWith(`${title} – ${SITE}`)) return
  routeTitle = title
  detail = null
  apply()
}

/** Adds the record a screen shows to its route's title while the screen is shown. */
export function usePageTitle (title: string | null | undefined) {
  useEffect(() => {
    if (!title || title === routeTitle) return
    detail = title
    apply()
    return () => { if (detail === title) { detail = null; apply() } }
  }, [title])
}
