// Every screen in the client's route table, opened as each role that may open it (and without a
// login for the public ones): no serious or critical axe-core violation, nothing wider than a
// 320 px or 390 px phone screen, and a page title of its own. Built from client/src/routes.ts,
// so a new screen is checked the day it is added.
import t from 'tap'
import { appUrl, launch, openPage } from './harness.ts'
import { seriousViolations } from './axe.ts'
import { exampleUrl, openScreen, overflow, pageApi, routes, signIn, viewersOf, type Viewer } from './screens.ts'
import { ROLES } from '../../shared/roles.ts'

const baseUrl = await appUrl(t)
const browser = await launch(t)
const titles = new Map<string, string>()

for (const viewer of ['public', ...ROLES] as Viewer[]) {
  const reachable = routes.filter(route => viewersOf(route).includes(viewer))
  t.test(`every screen ${viewer === 'public' ? 'without a login' : `as ${viewer}`}: axe, 320 and 390 px, its own title`, async t => {
    const page = await openPage(t, browser, baseUrl)
    await page.setViewportSize({ width: 390, height: 800 })
    await signIn(page, viewer)
    const api = pageApi(page)
    for (const route of reachable) {
      const url = await exampleUrl(route, api)
      await openScreen(page, url)
      const title = await page.title()
      t.ok(title.endsWith(`${route.title} – Nightsafe`), `${url}: the title is the screen's own ("${title}")`)
      titles.set(route.path, route.title)
      t.same(await seriousViolations(page), [], `${url}: axe finds no serious or critical violation`)
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: 800 })
        const over = await overflow(page)
        t.ok(over.px <= 1, `${url} at ${width} px: nothing wider than the screen (${over.px} px over${over.culprits.length ? ': ' + over.culprits.join(', ') : ''})`)
      }
      await page.setViewportSize({ width: 390, height: 800 })
    }
  })
}

t.test('no two screens share a title', async t => {
  const byTitle = new Map<string, string[]>()
  for (const [path, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), path])
  t.same([...byTitle.entries()].filter(([, paths]) => paths.length > 1), [], 'each route has a title of its own')
  t.equal(titles.size, routes.length, 'every route was opened')
})
