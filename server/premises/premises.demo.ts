// Demo data of the premises domain, seeded once inside the demo transaction (ctx.db): the City
// of London's real pubs, bars and nightclubs from the FSA file in demo/fhrs/ (through the same
// import code officers use), made-up licence details marked as demo, and the demo venue manager
// managing two real "Arms" pubs.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DemoStep } from '../demo/seed.ts'
import { applyImport } from './import/import.service.ts'
import { parseFhrsXml } from './import/fhrs.parser.ts'
import * as repo from './premises.repository.ts'
import { demoLicence } from './premises.demo-licences.ts'
import { createRandom } from '../demo/random.ts'

export const DEMO_FHRS_FILE = fileURLToPath(new URL('../../demo/fhrs/FHRS508en-GB.2020-11.xml', import.meta.url))

export const premisesDemoSteps: DemoStep[] = [{
  name: 'premises',
  async run (ctx) {
    const parsed = parseFhrsXml(readFileSync(DEMO_FHRS_FILE, 'utf8'))
    // Licence details go onto the candidates before the import, so the rows are inserted in one batch.
    parsed.candidates.sort((a, b) => Number(a.sourceRef) - Number(b.sourceRef))
    const random = createRandom(508)
    const conditionsByRef = new Map<string, { annex: number; text: string }[]>()
    parsed.candidates.forEach((candidate, index) => {
      const { conditions, licensableActivities, openingHours, ...licence } = demoLicence(random, index, parsed.candidates.length)
      Object.assign(candidate.values, licence, { licensableActivities: JSON.stringify(licensableActivities), openingHours: JSON.stringify(openingHours) })
      conditionsByRef.set(candidate.sourceRef, conditions)
    })
    const report = await applyImport(ctx.db, null, 'fhrs', parsed, { isDemo: true })
    const rows = await ctx.db.selectFrom('premises').select(['id', 'name', 'sourceRef', 'lat'])
      .where('source', '=', 'fhrs').where('id', 'in', report.ids).orderBy('id').execute()
    const conditions = rows.flatMap(row => (conditionsByRef.get(row.sourceRef!) ?? []).map((c, position) => ({ premisesId: row.id, annex: c.annex, text: c.text, position })))
    for (let i = 0; i < conditions.length; i += 1000) await repo.insertConditions(ctx.db, conditions.slice(i, i + 1000))

    // The demo venue manager runs two real, mapped, current pubs ("Arms" in the name if present).
    const mapped = rows.filter(r => r.lat !== null)
    const arms = mapped.filter(r => /\barms\b/i.test(r.name))
    const managed = [...arms, ...mapped.filter(r => !arms.includes(r))].slice(0, 2)
    await ctx.db.updateTable('premises').set({ status: 'current' }).where('id', 'in', managed.map(m => m.id)).execute()
    await repo.addManager(ctx.db, ctx.users.manager, managed.map(m => m.id))
    return { premises: rows.length, notMapped: rows.length - mapped.length, conditions: conditions.length, managed: managed.map(m => m.name) }
  }
}]
