// npm run user:add -- --email E --role R [--name N] [--premises ID,ID] [--organisation O]
// The password comes from NIGHTSAFE_PASSWORD or is asked for on a terminal (never an argument,
// so it stays out of shell history). Works on either database; with --via URL it goes through a
// running app instead (needed in embedded mode while the app runs), using an admin's
// NIGHTSAFE_ADMIN_EMAIL / NIGHTSAFE_ADMIN_PASSWORD.
import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'
import { AUTHORITY_ORGANISATIONS, ROLES, type Role } from '../../shared/roles.ts'
import { createUser, passwordProblem } from '../auth/auth.public.ts'
import { args, cliConfig, fail, openMigratedDatabase } from './cli.ts'

const { values } = args({
  email: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  premises: { type: 'string' },
  organisation: { type: 'string' },
  via: { type: 'string' }
})
if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) fail('--email is required and must be an email address')
if (!values.role || !ROLES.includes(values.role as Role)) fail(`--role is required: one of ${ROLES.join(', ')}`)
if (values.role === 'responsible_authority' && !AUTHORITY_ORGANISATIONS.includes(values.organisation as typeof AUTHORITY_ORGANISATIONS[number])) {
  fail(`--organisation is required for a responsible authority: one of ${AUTHORITY_ORGANISATIONS.join(', ')}`)
}
const premisesIds = values.premises ? values.premises.split(',').map(s => Number(s.trim())) : []
if (premisesIds.some(id => !Number.isInteger(id) || id < 1)) fail('--premises must be a comma-separated list of premises ids')

async function askPassword (): Promise<string> {
  if (!process.stdin.isTTY) fail('set NIGHTSAFE_PASSWORD (at least 12 characters); there is no terminal to ask on')
  let muted = false
  const output = new Writable({ write (chunk, _enc, done) { if (!muted) process.stdout.write(chunk); done() } })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  const question = rl.question('Password for the new account: ')
  muted = true
  const answer = await question
  rl.close()
  process.stdout.write('\n')
  return answer
}

const password = process.env.NIGHTSAFE_PASSWORD || await askPassword()
const problem = await passwordProblem(password)
if (problem) fail(problem)
const input = { email: values.email!, name: values.name || values.email!.split('@')[0]!, role: values.role as Role, password, premisesIds, ...(values.organisation ? { organisation: values.organisation as typeof AUTHORITY_ORGANISATIONS[number] } : {}) }

if (values.via) {
  const base = values.via.replace(/\/$/, '')
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: process.env.NIGHTSAFE_ADMIN_EMAIL, password: process.env.NIGHTSAFE_ADMIN_PASSWORD })
  })
  if (!login.ok) fail(`could not log in to ${base} as NIGHTSAFE_ADMIN_EMAIL (status ${login.status})`)
  const { token } = await login.json() as { token: string }
  const res = await fetch(`${base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(input) })
  const body = await res.json() as { id?: number; message?: string }
  if (res.status !== 201) fail(body.message ?? `status ${res.status}`)
  console.log(`Created ${input.role} ${input.email} (id ${body.id}) through ${base}`)
} else {
  const config = cliConfig()
  let handle
  try {
    handle = await openMigratedDatabase(config)
    const user = await createUser(handle.db, null, input)
    console.log(`Created ${user.role} ${user.email} (id ${user.id}) in the ${handle.mode} database`)
  } catch (error) {
    fail((error as Error).message)
  } finally {
    await handle?.close()
  }
}
