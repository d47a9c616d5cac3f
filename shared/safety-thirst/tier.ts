// The Safety Thirst tier rules as one pure function, so the server's decision and the officer's
// preview in the browser always agree. `partly` counts as not met.
export type Tier = 'not_accredited' | 'pass' | 'commended' | 'highly_commended'
export type Level = 'essential' | 'desired' | 'bonus'
export type Result = 'met' | 'partly' | 'not_met'

export interface TierRules {
  /** Desired criteria met, in percent, for Commended (50 in the starting rubric). */
  commendedDesiredPct: number
  /** Desired criteria met, in percent, for Highly Commended (75). */
  highlyCommendedDesiredPct: number
  /** Bonus criteria met for Highly Commended (2). */
  highlyCommendedBonus: number
}

export const DEFAULT_RULES: TierRules = { commendedDesiredPct: 50, highlyCommendedDesiredPct: 75, highlyCommendedBonus: 2 }

export const TIER_LABELS: Record<Tier, string> = {
  not_accredited: 'Not accredited', pass: 'Pass', commended: 'Commended', highly_commended: 'Highly Commended'
}

export interface TierCriterion { code: string; level: Level }

export interface TierOutcome {
  tier: Tier
  reasons: {
    failedEssential: string[]
    desiredMet: number
    desiredTotal: number
    /** Rounded to one decimal for display; the rule compares the exact fraction. */
    desiredPercent: number
    bonusMet: number
    /** Every criterion not met (partly or not_met or missing), essential first. */
    unmet: string[]
    /** Plain sentences explaining the tier. */
    explanation: string[]
  }
}

const LEVEL_ORDER: Record<Level, number> = { essential: 0, desired: 1, bonus: 2 }

/** Computes the tier from the officer's results by the rules; criteria should be the active (not retired) ones. */
export function computeTier (criteria: TierCriterion[], results: Record<string, Result | undefined>, rules: TierRules = DEFAULT_RULES): TierOutcome {
  const met = (code: string) => results[code] === 'met'
  const byLevel = (level: Level) => criteria.filter(c => c.level === level)
  const failedEssential = byLevel('essential').filter(c => !met(c.code)).map(c => c.code)
  const desired = byLevel('desired')
  const desiredMet = desired.filter(c => met(c.code)).length
  const desiredTotal = desired.length
  const bonusMet = byLevel('bonus').filter(c => met(c.code)).length
  // Integer comparison (met * 100 >= pct * total) avoids floating-point doubt at the boundary.
  const desiredAtLeast = (pct: number) => desiredTotal === 0 || desiredMet * 100 >= pct * desiredTotal
  const desiredPercent = desiredTotal === 0 ? 100 : Math.round((desiredMet * 1000) / desiredTotal) / 10

  let tier: Tier
  if (failedEssential.length > 0) tier = 'not_accredited'
  else if (desiredAtLeast(rules.highlyCommendedDesiredPct) && bonusMet >= rules.highlyCommendedBonus) tier = 'highly_commended'
  else if (desiredAtLeast(rules.commendedDesiredPct)) tier = 'commended'
  else tier = 'pass'

  const explanation: string[] = []
  explanation.push(failedEssential.length
    ? `Not every Essential criterion is met: ${failedEssential.join(', ')} (partly counts as not met).`
    : 'Every Essential criterion is met.')
  explanation.push(`${desiredMet} of ${desiredTotal} Desired criteria met (${desiredPercent}%); Commended needs ${rules.commendedDesiredPct}%, Highly Commended ${rules.highlyCommendedDesiredPct}%.`)
  explanation.push(`${bonusMet} Bonus criteria met; Highly Commended needs ${rules.highlyCommendedBonus}.`)

  const unmet = [...criteria].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]).filter(c => !met(c.code)).map(c => c.code)
  return { tier, reasons: { failedEssential, desiredMet, desiredTotal, desiredPercent, bonusMet, unmet, explanation } }
}
