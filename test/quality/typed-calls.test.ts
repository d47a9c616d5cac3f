// The client calls the API through api(), typed from the OpenAPI document. apiAs<T>(), which
// named its answer's type by hand (so a schema change it did not follow type-checked and broke
// at run time), is gone: this fails on any client file that brings it back, as a call or a definition.
import t from 'tap'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLIENT = join(ROOT, 'client/src')

function sourceFiles (dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** How many times each client file names apiAs. */
export function apiAsCalls (files: string[], read: (file: string) => string = file => readFileSync(file, 'utf8')): Record<string, number> {
  const calls: Record<string, number> = {}
  for (const file of files) {
    const name = relative(ROOT, file).split('\\').join('/')
    const count = (read(file).match(/\bapiAs\b/g) ?? []).length
    if (count) calls[name] = count
  }
  return calls
}

export function problems (calls: Record<string, number>): string[] {
  return Object.entries(calls)
    .map(([file, count]) => `${file} uses apiAs ${count} time(s): call api() and take the answer type from the OpenAPI document`)
}

t.test('no client code uses apiAs', async t => {
  t.same(problems(apiAsCalls(sourceFiles(CLIENT))), [])
})

t.test('the check finds a call of apiAs, with or without a type argument, and its definition', async t => {
  const files = [join(ROOT, 'client/src/domains/flags/FlagPage.tsx'), join(ROOT, 'client/src/domains/safety-thirst/stApi.ts'), join(ROOT, 'client/src/api/client.ts')]
  const source: Record<string, string> = {
    [files[0]!]: "const flag = await apiAs<Flag>(`/api/flags/${id}`)",
    [files[1]!]: "apiAs<A>('/api/a'); apiAs ('/api/b')",
    [files[2]!]: 'export function apiAs<T> (path: string): Promise<T> {}'
  }
  const found = problems(apiAsCalls(files, file => source[file]!))
  t.equal(found.length, 3)
  t.match(found[0], /FlagPage\.tsx uses apiAs 1 time\(s\)/)
  t.match(found[1], /stApi\.ts uses apiAs 2 time\(s\)/)
  t.match(found[2], /api\/client\.ts uses apiAs 1 time\(s\)/)
})
