// Every screen has its own page title ("What – Nightsafe"), set while it is shown.
import { useEffect } from 'preact/hooks'

export function usePageTitle (title: string) {
  useEffect(() => {
    const previous = document.title
    document.title = `${title} – Nightsafe`
    return () => { document.title = previous }
  }, [title])
}
