// The client's only way to put data into an HTML sink (Leaflet tooltips, popups, div icons and
// controls take strings as HTML). Names, addresses and notes are typed by venue managers, imported
// from files or sent by the public, so they are text, never markup: tooltips get a text node, and
// HTML built with data goes through the `html` template tag, which escapes every value.
// test/quality/html-sinks.test.ts fails when client code reaches a sink any other way.

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** HTML whose every interpolated value was escaped (or was itself SafeHtml). */
export class SafeHtml {
  constructor (readonly html: string) {}
  toString () { return this.html }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[]

function render (value: Value): string {
  if (value instanceof SafeHtml) return value.html
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

/** html`<strong>${name}</strong>`: values are escaped; arrays are joined; SafeHtml is kept as it is. */
export function html (strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]!) : ''), ''))
}

/** A text node in an element, for a tooltip or popup that is only text. */
export function asText (text: string, tag: keyof HTMLElementTagNameMap = 'span'): HTMLElement {
  const element = document.createElement(tag)
  element.textContent = text
  return element
}
