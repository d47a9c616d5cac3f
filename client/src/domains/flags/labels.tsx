// Words and colours the flags screens share.
import type { Flag } from '../../../../shared/schemas/flags.ts'

export const LEVEL_LABEL: Record<Flag['level'], string> = { strong: 'Strong', rising: 'Rising', watch: 'Watch' }
export const LEVEL_COLOUR: Record<Flag['level'], string> = { strong: '#b00020', rising: '#b23c0a', watch: '#8a6d00' }
export const STATUS_LABEL: Record<Flag['status'], string> = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' }

export function fmtP (p: number | null): string {
  if (p === null) return '—'
  return p < 0.0001 ? '< 0.0001' : String(Number(p.toPrecision(2)))
}

export function LevelBadge ({ level }: { level: Flag['level'] }) {
  return <span class={`badge flag-${level}`} style={{ background: LEVEL_COLOUR[level], color: '#fff', padding: '0 .4em', borderRadius: '3px' }}>{LEVEL_LABEL[level]}</span>
}
