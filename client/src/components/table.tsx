// Wide tables scroll sideways inside their own box instead of making the whole page wider than a
// phone (every screen must work at 320 px). The box can take focus, so keyboard users can scroll
// it too (axe: scrollable-region-focusable), and is named so a screen reader says what it holds.
import type { ComponentChildren } from 'preact'

export function TableScroll ({ label = 'Table (scrolls sideways)', children }: { label?: string; children: ComponentChildren }) {
  return <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>
}
