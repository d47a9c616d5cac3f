// An embedded (PGlite) database belongs to one process. The running app writes its pid into
// DATA_DIR; command-line tools refuse to open the folder while that process is alive.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const lockFile = (dataDir: string) => join(dataDir, 'nightsafe.pid')

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pid of another live process holding the folder, or undefined. */
export function embeddedHolder (dataDir: string): number | undefined {
  const file = lockFile(dataDir)
  if (!existsSync(file)) return undefined
  const pid = Number(readFileSync(file, 'utf8').trim())
  return Number.isInteger(pid) && pid !== process.pid && alive(pid) ? pid : undefined
}

export function claimEmbedded (dataDir: string): () => void {
  const holder = embeddedHolder(dataDir)
  if (holder) throw new Error(`The embedded database in ${dataDir} is in use by process ${holder}. Stop it first, or use a separate DATA_DIR.`)
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(lockFile(dataDir), String(process.pid))
  return () => { try { rmSync(lockFile(dataDir)) } catch {} }
}
