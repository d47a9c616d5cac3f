// Accessibility check for a screen: axe-core through @axe-core/playwright, failing on serious or
// critical violations (the project's bar for every screen). Each violation is reported with the
// elements it found, so a failure says where to look.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export async function seriousViolations (page: Page): Promise<string[]> {
  // Injected through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`)
}
