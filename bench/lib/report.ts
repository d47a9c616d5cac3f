// The bench report: every figure with its baseline, ratio, target and pass/fail, as Markdown and
// JSON in bench/results/ (latest.* plus a dated copy).
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './app-process.ts'

export interface Figure {
  id: string
  name: string
  value: number | null
  unit: string
  baseline?: { name: string; value: number; unit: string }
  ratio?: number
  target: string
  pass: boolean | null
  note?: string
}

const fmt = (n: number | null | undefined, digits = 2) => n === null || n === undefined || !Number.isFinite(n) ? '–' : Number(n.toFixed(digits)).toLocaleString('en-GB')

export function writeReport (figures: Figure[], meta: Record<string, unknown>): { markdown: string; files: string[] } {
  const folder = join(repoRoot, 'bench/results')
  mkdirSync(folder, { recursive: true })
  const stamp = new Date().toISOString().slice(0, 10)
  const env = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverage15Min: Math.round(loadavg()[2]! * 10) / 10, ...meta }
  const passed = figures.filter(f => f.pass === true).length
  const failed = figures.filter(f => f.pass === false).length
  const lines = [
    `# Nightsafe benchmark, ${stamp}`, '',
    `Machine: ${env.cpus} × ${env.cpuModel}, ${env.memoryGiB} GiB, Node ${env.node}, load average over the last 15 minutes ${env.loadAverage15Min}${env.loadAverage15Min > env.cpus ? ' (above the core count: other work shared the machine, so absolute times are pessimistic)' : ''}. Run time ${fmt(Number(meta.seconds), 0)} s. ` +
      `${passed} figures meet their target, ${failed} do not. How to read this: docs/benchmarks.md.`, '',
    '| # | figure | value | baseline (same run) | ratio | target | result |',
    '|---|---|---|---|---|---|---|',
    ...figures.map(f => `| ${f.id} | ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)} ${f.baseline.unit}` : '–'} | ${fmt(f.ratio)} | ${f.target} | ${f.pass === null ? 'info' : f.pass ? 'pass' : '**FAIL**'} |`),
    '', '## Notes', '',
    ...figures.filter(f => f.note).map(f => `- ${f.id} ${f.name}: ${f.note}`),
    '', '```json', JSON.stringify(env, null, 2), '```', ''
  ]
  const markdown = lines.join('\n')
  const json = JSON.stringify({ date: stamp, environment: env, figures }, null, 2) + '\n'
  const files = [join(folder, 'latest.md'), join(folder, 'latest.json'), join(folder, `${stamp}.md`), join(folder, `${stamp}.json`)]
  writeFileSync(files[0]!, markdown); writeFileSync(files[1]!, json); writeFileSync(files[2]!, markdown); writeFileSync(files[3]!, json)
  return { markdown, files }
}

export async function medianMs (runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}
