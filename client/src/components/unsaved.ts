// A warning before typing is lost: while any form on the page holds unsaved changes, closing or
// reloading the tab asks first (beforeunload), and so do a link inside the app and the browser's
// Back button (preact-iso would otherwise route at once). Forms report through useUnsavedChanges.
import { useEffect } from 'preact/hooks'

export const LEAVE_QUESTION = 'You have changes that are not saved. Leave this page and lose them?'

const dirtyForms = new Set<symbol>()
let armed = false
let here = ''

const hasUnsaved = () => dirtyForms.size > 0

/** Asks before leaving; true when the person chooses to leave (and then forgets the changes). */
export function confirmLeaving (): boolean {
  if (!hasUnsaved()) return true
  const leave = window.confirm(LEAVE_QUESTION)
  if (leave) dirtyForms.clear()
  return leave
}

function onBeforeUnload (event: BeforeUnloadEvent) {
  if (!hasUnsaved()) return
  event.preventDefault()
  event.returnValue = LEAVE_QUESTION
}

// Capture phase on window runs before preact-iso's own click and popstate listeners.
function onClick (event: MouseEvent) {
  if (!hasUnsaved() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const link = event.composedPath().find(el => (el as Element).nodeName === 'A') as HTMLAnchorElement | undefined
  const href = link?.getAttribute('href')
  if (!link || !href || href.startsWith('#') || link.target === '_blank' || link.download || link.origin !== location.origin) return
  if (link.pathname === location.pathname && link.search === location.search) return
  if (!confirmLeaving()) { event.preventDefault(); event.stopImmediatePropagation() }
}

function onPopState (event: PopStateEvent) {
  if (!hasUnsaved()) { here = location.pathname + location.search; return }
  if (confirmLeaving()) { here = location.pathname + location.search; return }
  // Stay: undo the browser's step back before the router sees it.
  event.stopImmediatePropagation()
  history.pushState(null, '', here)
}

function arm () {
  if (armed) return
  armed = true
  here = location.pathname + location.search
  window.addEventListener('beforeunload', onBeforeUnload)
  window.addEventListener('click', onClick, true)
  window.addEventListener('popstate', onPopState, true)
}

/** While `dirty`, leaving the page (link, Back, reload, closing the tab) asks first. */
export function useUnsavedChanges (dirty: boolean) {
  useEffect(() => {
    arm()
    here = location.pathname + location.search
    if (!dirty) return
    const token = Symbol('form')
    dirtyForms.add(token)
    return () => { dirtyForms.delete(token) }
  }, [dirty])
}
