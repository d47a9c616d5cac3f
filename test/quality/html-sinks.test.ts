// Every HTML sink in the client (Leaflet tooltips, popups and div icons, innerHTML and friends)
// takes its content from client/src/safe-html.ts: a text node (asText) or the escaping html``
// tag. A sink fed a template literal or a variable fails here, so markup typed into a name can
// never become HTML again (issue: a premises name with a link rendered as a link on the map).
import t from 'tap'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const clientSource = join(root, 'client/src')

function files (dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

// The sink, then what must follow it.
const SINKS = [
  /\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)\(\s*/g,
  /\.(innerHTML|outerHTML)\s*=\s*/g,
  /\binsertAdjacentHTML\([^,]+,\s*/g,
  /\bdivIcon\(\s*\{[^}]*?\bhtml:\s*/g
]
const SAFE_START = /^(asText\(|html`|'[^'$]*'\s*([,);\n]|$)|"[^"$]*"\s*([,);\n]|$))/
const NEVER = /dangerouslySetInnerHTML|document\.write\(/

export function unsafeSinks (source: string): string[] {
  const found: string[] = []
  for (const sink of SINKS) {
    for (const match of source.matchAll(sink)) {
      const after = source.slice(match.index! + match[0].length, match.index! + match[0].length + 80)
      // Option objects and function definitions are not content (e.g. bindTooltip(text, { … }) is checked by its first argument).
      if (!SAFE_START.test(after)) found.push(`${match[0].trim()} ${after.split('\n')[0]}`)
    }
  }
  for (const line of source.split('\n')) if (NEVER.test(line)) found.push(line.trim())
  return found
}

t.test('the guard recognises unsafe and safe sinks', async t => {
  t.same(unsafeSinks('marker.bindTooltip(p.name)'), ['.bindTooltip( p.name)'])
  t.equal(unsafeSinks('marker.bindPopup(`<b>${name}</b>`)').length, 1)
  t.equal(unsafeSinks('div.innerHTML = label').length, 1)
  t.equal(unsafeSinks('<div dangerouslySetInnerHTML={{ __html: x }} />').length, 1)
  t.equal(unsafeSinks('L.divIcon({ className: \'c\', html: `<span>${n}</span>` })').length, 1)
  t.same(unsafeSinks('interface Page { html: string; }'), [], 'a type with an html field is no sink')
  t.same(unsafeSinks('marker.bindTooltip(asText(p.name)).bindPopup(html`<b>${p.name}</b>`.toString())'), [])
  t.same(unsafeSinks("box.innerHTML = '<input type=\"checkbox\"> Recent'\n"), [])
})

t.test('no client code reaches an HTML sink except through safe-html.ts', async t => {
  const all = files(clientSource).filter(path => !path.endsWith('safe-html.ts'))
  t.ok(all.length > 20, `${all.length} client files read`)
  const offenders = all.flatMap(path => unsafeSinks(readFileSync(path, 'utf8')).map(line => `${relative(root, path)}: ${line}`))
  t.same(offenders, [], 'every sink gets asText(…) or html`…`')
})
