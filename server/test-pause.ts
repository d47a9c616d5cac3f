// A test-only barrier for the fault tests: with TEST_PAUSE_AT=<point> (accepted only when
// NODE_ENV=test, see config.ts) the named service stops inside its transaction, after its first
// write, and prints a marker line. The test waits for that line, SIGKILLs the process and checks
// that nothing of the transaction was kept, so the crash always lands mid-transaction.
export const PAUSE_POINTS = ['police-uk-import', 'safety-thirst-submit'] as const
export type PausePoint = typeof PAUSE_POINTS[number]

/** The line printed to stdout when a request reaches the armed point. */
export const PAUSE_MARKER = 'TEST_PAUSE_AT reached:'

let armed: PausePoint | null = null

/** Called once at start-up with config.testPauseAt (null, the only value outside tests, disarms it). */
export function armTestPause (point: PausePoint | null) {
  armed = point
}

/** Does nothing unless this point is armed; then never returns (the test kills the process). */
export async function testPause (point: PausePoint): Promise<void> {
  if (armed !== point) return
  process.stdout.write(`${PAUSE_MARKER} ${point}\n`)
  await new Promise<never>(() => {})
}
