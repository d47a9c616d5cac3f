// Benjamini–Hochberg adjusted p-values (q-values), as R's p.adjust(p, method = "BH"):
// sort ascending, q_(i) = min over j ≥ i of (n / j) · p_(j), capped at 1, returned in input order.
// Ties keep their input order in the sort, which gives the same result as R.
export function benjaminiHochberg (pValues: readonly number[]): number[] {
  const n = pValues.length
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const q = new Array<number>(n)
  let running = 1
  for (let rank = n; rank >= 1; rank--) {
    const [p, index] = order[rank - 1]!
    running = Math.min(running, (n / rank) * p)
    q[index] = Math.min(1, running)
  }
  return q
}
