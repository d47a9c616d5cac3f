// Crime harm weights (Cambridge Crime Harm Index, days; reference-data/harm/). The harm_weights
// table (seeded by migration, editable) is the truth for queries: join it on category, e.g.
//   select sum(coalesce(hw.weight, 1)) from incidents i left join harm_weights hw on hw.category = i.category
import type { Db } from '../db/types.ts'

/** The configured weights, category → CCHI days. */
export async function loadHarmWeights (db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('harmWeights').select(['category', 'weight']).execute()
  return new Map(rows.map(r => [r.category, Number(r.weight)]))
}
