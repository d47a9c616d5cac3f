// The client calls the API through api(), typed from the OpenAPI document. apiAs<T>() names its
// answer's type by hand, so a schema change it does not follow type-checks and breaks at run
// time; it is left only where the list below says, until those screens move to api().
import t from 'tap'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLIENT = join(ROOT, 'client/src')

/** Files still allowed to call apiAs, with how many calls: a new call, or one in another file, fails. */
export const APIAS_ALLOWED: Record<string, number> = {
  // Safety Thirst: its response schemas do not yet list every field as required, so the generated types are loose.
  'client/src/domains/safety-thirst/stApi.ts': 23,
  'client/src/domains/safety-thirst/VenueContext.tsx': 2,
  'client/src/domains/safety-thirst/DashboardPage.tsx': 1
}

function sourceFiles (dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** How many times each client file (besides the API module itself) calls apiAs. */
export function apiAsCalls (files: string[], read: (file: string) => string = file => readFileSync(file, 'utf8')): Record<string, number> {
  const calls: Record<string, number> = {}
  for (const file of files) {
    const name = relative(ROOT, file).split('\\').join('/')
    if (name.startsWith('client/src/api/')) continue
    const count = (read(file).match(/\bapiAs\s*</g) ?? []).length
    if (count) calls[name] = count
  }
  return calls
}

export function problems (calls: Record<string, number>, allowed: Record<string, number>): string[] {
  return Object.entries(calls)
    .filter(([file, count]) => count > (allowed[file] ?? 0))
    .map(([file, count]) => `${file} calls apiAs ${count} time(s) (allowed ${allowed[file] ?? 0}): call api() and take the answer type from the OpenAPI document`)
}

t.test('no client code calls apiAs beyond the named few', async t => {
  t.same(problems(apiAsCalls(sourceFiles(CLIENT)), APIAS_ALLOWED), [])
})

t.test('the check finds a new apiAs call, and one in a file not on the list', async t => {
  const files = [join(ROOT, 'client/src/domains/flags/FlagPage.tsx'), join(ROOT, 'client/src/domains/safety-thirst/DashboardPage.tsx')]
  const source: Record<string, string> = {
    [files[0]!]: "const flag = await apiAs<Flag>(`/api/flags/${id}`)",
    [files[1]!]: "apiAs<A>('/api/a'); apiAs <B>('/api/b')"
  }
  const found = problems(apiAsCalls(files, file => source[file]!), APIAS_ALLOWED)
  t.equal(found.length, 2)
  t.match(found[0], /FlagPage\.tsx calls apiAs 1 time\(s\) \(allowed 0\)/)
  t.match(found[1], /DashboardPage\.tsx calls apiAs 2 time\(s\) \(allowed 1\)/)
})
