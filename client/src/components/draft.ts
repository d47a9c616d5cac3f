// Typing kept while a person moves around: a form's values live in sessionStorage under a key
// of the form's own, so leaving a half-written form (another screen, a reload) and coming back
// finds it as it was. sessionStorage, not localStorage: it goes when the tab closes, so notes
// typed on a shared computer do not stay behind. The form clears its draft once it is saved.
import { useEffect, useState } from 'preact/hooks'

const PREFIX = 'nightsafe.draft.'

function read<T> (key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(PREFIX + key)
    return text ? JSON.parse(text) as T : undefined
  } catch { return undefined }
}

/** Forgets a saved draft (after the form was sent, or when the person starts again). */
export function clearDraft (key: string) {
  try { sessionStorage.removeItem(PREFIX + key) } catch {}
}

/**
 * useState whose value survives leaving the screen. `restored` says whether a draft was found,
 * so the form can say "We kept what you typed" and offer to start again.
 */
export function useDraft<T extends object> (key: string, initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void, { restored: boolean; discard: () => void }] {
  const [start] = useState(() => {
    const saved = read<T>(key)
    const fresh = typeof initial === 'function' ? (initial as () => T)() : initial
    return { value: saved ? { ...fresh, ...saved } : fresh, restored: Boolean(saved), fresh }
  })
  const [value, setValue] = useState<T>(start.value)
  const [restored, setRestored] = useState(start.restored)
  useEffect(() => {
    try {
      if (JSON.stringify(value) === JSON.stringify(start.fresh)) sessionStorage.removeItem(PREFIX + key)
      else sessionStorage.setItem(PREFIX + key, JSON.stringify(value))
    } catch {}
  }, [key, value])
  const discard = () => { clearDraft(key); setValue(start.fresh); setRestored(false) }
  return [value, setValue, { restored, discard }]
}
