// Every screen has its own page title ("What – Nightsafe"). The route table gives each route
// one (routes.ts), set when the route opens; a screen showing one record refines it while shown
// ("The Hoop & Grapes – Premises – Nightsafe").
import { useEffect } from 'preact/hooks'

export const SITE = 'Nightsafe'

export function setTitle (...parts: (string | null | undefined)[]) {
  document.title = [...parts.filter(Boolean), SITE].join(' – ')
}

/** Sets the title while the screen is shown (and puts the previous one back after). */
export function usePageTitle (title: string | null | undefined) {
  useEffect(() => {
    if (!title) return
    const previous = document.title
    document.title = title.endsWith(SITE) ? title : `${title} – ${SITE}`
    return () => { document.title = previous }
  }, [title])
}
