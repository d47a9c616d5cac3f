// The client's route table as the browser checks see it: every screen, each role that may open
// it, and a real address for the screens that show one record (found through the API as that
// role, in the demo data). A new screen is covered as soon as it is in the route table; a new
// screen with a parameter fails until it has an example here.
import type { Page } from 'playwright-core'
import { routes, type AppRoute } from '../../client/src/routes.ts'
import { ROLES, type Role } from '../../shared/roles.ts'
import { PLAN_SLUGS } from '../../shared/plans/templates.ts'
import { LICENSING_OBJECTIVES } from '../../shared/schemas/licence-applications.ts'
import { PLAN_TEMPLATES } from '../../shared/plans/templates.ts'

export type Viewer = Role | 'public'

export const ROLE_ACCOUNTS: Record<Role, string> = {
  admin: 'admin@example.org',
  licensing_officer: 'officer@example.org',
  police: 'police@example.org',
  venue_manager: 'manager@example.org',
  responsible_authority: 'eho@example.org'
}

/** Who opens a route: anyone (public, also without a login) or each role it names. */
export function viewersOf (route: AppRoute): Viewer[] {
  return route.access === 'public' ? ['public', ...ROLES] : [...route.access]
}

type Api = (path: string, body?: unknown, method?: 'POST' | 'PUT') => Promise<any>

/** Finds the first item of a list the role can see, or says which demo record is missing. */
async function first (api: Api, path: string, what: string): Promise<any> {
  const body = await api(path)
  const item = (body.items ?? body)[0]
  if (!item) throw new Error(`no ${what} visible to this role in the demo data (${path})`)
  return item
}

const premisesOf = async (api: Api) => (await api('/api/me')).premisesIds?.[0] ?? (await first(api, '/api/premises?limit=1&status=current', 'premises')).id

/** A plan version the role can open: its premises, the slug of its kind and its number. */
async function planVersion (api: Api) {
  const me = await api('/api/me')
  const candidates: number[] = me.role === 'venue_manager'
    ? me.premisesIds ?? []
    : (await api('/api/premises?limit=100&status=current')).items.map((p: { id: number }) => p.id)
  for (const premisesId of candidates) {
    for (const [kind, slug] of Object.entries(PLAN_SLUGS)) {
      const versions = await api(`/api/premises/${premisesId}/${slug}/versions`).catch(() => ({ items: [] }))
      if (versions.items?.length) return { premisesId, kind, slug, version: versions.items[0].version as number }
    }
  }
  throw new Error('no premises this role can see has a plan version in the demo data')
}

/** Addresses of the screens with parameters, by route path. */
export const EXAMPLES: Record<string, (api: Api) => Promise<string>> = {
  '/tens/:id': async api => `/tens/${(await first(api, '/api/tens?limit=1', 'Temporary Event Notice')).id}`,
  '/flags/:id': async api => {
    // A venue manager sees a flag only once an officer has acknowledged it at its own venue, which
    // the demo leaves to the officer: until then the check opens the screen a manager gets for a
    // flag it may not see.
    const me = await api('/api/me')
    const flags = (await api('/api/flags')).items ?? []
    if (!flags.length && me.role === 'venue_manager') return '/flags/2147483647'
    return `/flags/${(await first(api, '/api/flags', 'flag')).id}`
  },
  '/licence-applications/:id': async api => {
    const existing = (await api('/api/licence-applications')).items[0]
    if (existing) return `/licence-applications/${existing.id}`
    // The demo holds none this role can see (a venue manager's premises): submit one as the role,
    // for a premises that has a noise plan, after writing the dispersal policy it lacks. The
    // premises with no plans at all is left as it is, for the plans journey.
    const premisesIds: number[] = (await api('/api/me')).premisesIds ?? []
    const errors: string[] = []
    for (const premisesId of premisesIds) {
      try {
        const plans = (await api(`/api/premises/${premisesId}/plans`)).documents as { kind: string; latest: unknown }[]
        const has = (kind: string) => plans.some(d => d.kind === kind && d.latest !== null)
        if (!has('noise_management_plan')) { errors.push(`premises ${premisesId} has no noise plan`); continue }
        if (!has('dispersal_policy')) {
          const sections = Object.fromEntries(PLAN_TEMPLATES.dispersal_policy.sections.map(s => [s.key, `Screens check: ${s.title}.`]))
          await api(`/api/premises/${premisesId}/dispersal-policy`, { sections }, 'PUT')
        }
        const created = await api('/api/licence-applications', {
          premisesId, kind: 'variation', applicantName: 'Screens Check Ltd',
          activities: [{ activity: 'Sale of alcohol', hours: 'Every day 11:00 to 23:00' }],
          operatingSchedule: Object.fromEntries(LICENSING_OBJECTIVES.map(o => [o, 'Door staff from 21:00 on Fridays and Saturdays.'])),
          consultationStartDate: new Date().toISOString().slice(0, 10)
        })
        return `/licence-applications/${created.id}`
      } catch (error) { errors.push(String(error)) }
    }
    throw new Error(`no licence application could be made for this role's premises: ${errors.join('; ')}`)
  },
  '/plans/premises/:id': async api => `/plans/premises/${(await planVersion(api)).premisesId}`,
  '/plans/premises/:id/:kind': async api => { const v = await planVersion(api); return `/plans/premises/${v.premisesId}/${v.slug}` },
  '/plans/premises/:id/:kind/:version/print': async api => { const v = await planVersion(api); return `/plans/premises/${v.premisesId}/${v.slug}/${v.version}/print` },
  '/premises/:id': async api => `/premises/${await premisesOf(api)}`,
  '/register/:id': async api => `/register/${(await first(api, '/api/public/premises?limit=1', 'register entry')).id}`,
  '/safety-thirst/applications/:id': async api => `/safety-thirst/applications/${(await first(api, '/api/safety-thirst/applications', 'Safety Thirst application')).id}`,
  '/cases/:id': async api => `/cases/${(await first(api, '/api/cases', 'licensing case')).id}`,
  '/concerns/:id': async api => `/concerns/${(await first(api, '/api/concerns', "resident's concern")).id}`,
  // The case page a resident opens from the email holds a secret key no role can read back: the
  // check opens the page as it answers a link that is wrong or out of date.
  '/concerns/case/:reference': async () => '/concerns/case/NS-0000-0000?key=out-of-date',
  '/admin/mail/:id': async api => `/admin/mail/${(await first(api, '/api/mail/outbox', 'email in the outbox')).id}`
}

/** The address to open for a route as the role behind `api`. */
export async function exampleUrl (route: AppRoute, api: Api): Promise<string> {
  if (!route.path.includes(':')) return route.path
  const example = EXAMPLES[route.path]
  if (!example) throw new Error(`${route.path} has a parameter but no example in test/e2e/screens.ts`)
  return example(api)
}

export { routes }

/** Logs in through the form as the role's demo account (or stays anonymous). */
export async function signIn (page: Page, viewer: Viewer) {
  if (viewer === 'public') return
  await page.goto('/login')
  await page.getByLabel('Email').fill(ROLE_ACCOUNTS[viewer])
  await page.getByLabel('Password').fill('nightsafe-demo')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(url => !url.pathname.startsWith('/login'), { timeout: 60000 })
}

/** The API as the page's signed-in user (the browser's own session). */
export function pageApi (page: Page): Api {
  return async (path, body, method = 'POST') => {
    const res = await page.evaluate(async ({ p, body, method }) => {
      const headers: Record<string, string> = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-requested-with': 'Nightsafe' }) }
      const r = await fetch(p, { method: body === undefined ? 'GET' : method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
      return { status: r.status, text: await r.text() }
    }, { p: path, body, method })
    if (res.status >= 400) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 200)}`)
    return JSON.parse(res.text)
  }
}

/** Opens a screen and waits until it has its heading and nothing is still loading. */
export async function openScreen (page: Page, url: string) {
  await page.goto(url)
  await page.locator('main h1').first().waitFor({ timeout: 60000 })
  await page.waitForFunction(() => document.querySelectorAll('[data-loading]').length === 0, undefined, { timeout: 60000 })
}

/** How far the page is wider than the screen, and the widest culprits (outside scrolling boxes). */
export async function overflow (page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const culprits: string[] = []
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.right <= width + 1) continue
      let contained = false
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX) && p.getBoundingClientRect().right <= width + 1) { contained = true; break }
      }
      if (!contained) culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (${Math.round(box.right - width)} px)`)
    }
    return { px: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5) }
  })
}
