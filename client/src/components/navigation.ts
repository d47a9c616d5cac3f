// What a screen reader and a keyboard user get on navigation: the new page's main heading takes
// the focus (not the link that was pressed, which has gone) and a live region says which page
// opened. Pages that load their data first render their heading later, so this waits for it.
let announcer: HTMLElement | null = null

/** The polite live region that names each new page (created once, in the layout). */
export function registerAnnouncer (element: HTMLElement | null) { announcer = element }

let pending: MutationObserver | null = null

/** After an in-app navigation: focus the page's h1 once it is there and announce its title. */
export function focusNewPage (main: HTMLElement | null, wait = 10000) {
  pending?.disconnect()
  pending = null
  if (!main) return
  const settle = (): boolean => {
    const heading = main.querySelector<HTMLElement>('h1')
    if (!heading) return false
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
    heading.focus({ preventScroll: false })
    if (announcer) announcer.textContent = `${heading.textContent?.trim() ?? document.title}, page opened`
    return true
  }
  if (settle()) return
  const observer = new MutationObserver(() => { if (settle()) { observer.disconnect(); pending = null } })
  observer.observe(main, { childList: true, subtree: true })
  pending = observer
  setTimeout(() => { if (pending === observer) { observer.disconnect(); pending = null; main.focus() } }, wait)
}
