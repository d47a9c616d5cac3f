// A small word-level LCS diff, used to show what changed in each section between two versions
// of a plan. Long texts fall back to line tokens so the O(n·m) table stays small.
export const DIFF_OPS = ['equal', 'insert', 'delete'] as const
export type DiffOp = typeof DIFF_OPS[number]
export type DiffPart = { op: DiffOp; text: string }

const MAX_CELLS = 2_000_000

function tokenize (text: string, byLine: boolean): string[] {
  if (!text) return []
  return (byLine ? text.split(/(\n)/) : text.split(/(\s+)/)).filter(token => token !== '')
}

function push (parts: DiffPart[], op: DiffOp, text: string) {
  if (!text) return
  const last = parts[parts.length - 1]
  if (last && last.op === op) last.text += text
  else parts.push({ op, text })
}

/** Diff of two token lists by longest common subsequence, with common ends trimmed first. */
function diffTokens (a: string[], b: string[]): DiffPart[] {
  const parts: DiffPart[] = []
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB-- }
  push(parts, 'equal', a.slice(0, start).join(''))
  const x = a.slice(start, endA)
  const y = b.slice(start, endB)
  const n = x.length
  const m = y.length
  // lengths[i][j] = LCS length of x[i..] and y[j..], flattened.
  const lengths = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = x[i] === y[j]
        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
    }
  }
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (x[i] === y[j]) { push(parts, 'equal', x[i]); i++; j++ } else if (lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1]) { push(parts, 'delete', x[i]); i++ } else { push(parts, 'insert', y[j]); j++ }
  }
  while (i < n) push(parts, 'delete', x[i++])
  while (j < m) push(parts, 'insert', y[j++])
  push(parts, 'equal', a.slice(endA).join(''))
  return parts
}

/** What changed from `before` to `after`: equal, deleted and inserted runs of text in order. */
export function diffText (before: string, after: string): DiffPart[] {
  let a = tokenize(before, false)
  let b = tokenize(after, false)
  if (a.length * b.length > MAX_CELLS) {
    a = tokenize(before, true)
    b = tokenize(after, true)
  }
  return diffTokens(a, b)
}

export function hasChanges (parts: DiffPart[]): boolean {
  return parts.some(part => part.op !== 'equal')
}
