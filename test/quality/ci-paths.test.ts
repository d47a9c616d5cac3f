// Two CI runs must be able to share a machine: .ci/run keeps its files in a folder made for the
// run (mktemp), never at a fixed path that a second run would write over or delete.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../.ci/run', import.meta.url))
const text = readFileSync(script, 'utf8')

t.test('.ci/run writes nothing to a fixed temporary path', async t => {
  const fixed = text.split('\n').map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => !line.startsWith('#') && /\/tmp\/[\w.$-]/.test(line))
  t.same(fixed.map(({ n, line }) => `line ${n}: ${line}`), [], 'every temporary file is inside a mktemp folder')
  t.match(text, /mktemp -d/, 'the run makes a folder of its own')
  t.match(text, /trap [^\n]*rm -rf[^\n]*EXIT/, 'and removes it when it ends')
})

t.test('.ci/run is valid bash', async t => {
  t.doesNotThrow(() => execFileSync('bash', ['-n', script]))
})
