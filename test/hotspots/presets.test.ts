// The hotspot presets say what they include and are anchored on data that is there in full.
import t from 'tap'
import { christmasYear, presets } from '../../client/src/domains/hotspots/state.ts'

const groups = { theft: ['bicycle-theft', 'theft-from-the-person'], violence: ['violent-crime'] }

t.test('Christmas is the latest December the data covers in full', async t => {
  t.equal(christmasYear({ firstDate: '2023-01-01', lastDate: '2026-12-02', lastPreciseDate: '2026-12-02' }), 2025, 'a December two days old is not used')
  t.equal(christmasYear({ firstDate: '2023-01-01', lastDate: '2026-12-31', lastPreciseDate: '2026-12-31' }), 2026, 'a December that is complete is')
  t.equal(christmasYear({ firstDate: '2023-01-01', lastDate: '2026-10-31', lastPreciseDate: '2026-09-30' }), 2025, 'police.uk a few months behind')
})

t.test('every preset says what it includes, in words that agree with the numbers', async t => {
  const list = presets({ firstDate: '2023-01-01', lastDate: '2026-12-02', lastPreciseDate: '2026-11-30', crimeGroups: groups })
  t.same(list.map(p => p.label), ['December 2025, Fri–Sat 22:00–04:00, theft', 'December 2025, Fri–Sat 22:00–04:00, violence', 'Last 4 weeks (to 2026-11-30)', 'Christmas 2025 vs 2024'])
  for (const p of list) t.ok(p.note.length > 20, `${p.key} has a note`)
  t.match(list[0]!.note, /^2 police\.uk categories of theft\. .*dated only by month are left out/, 'the night presets say month-only records are left out, and why')
  t.match(list[1]!.note, /^1 police\.uk category of violence/, 'one category is singular')
  t.match(list[3]!.note, /December 2025 against December 2024: the latest December the data covers in full/)
})
