// GET /api/clock: the statutory clock for any logged-in role (the screens use the same module
// in the browser; this is for other systems and for checking a date by hand).
import { ALL_ROLES } from '../../shared/roles.ts'
import { clockQuery, clockResponse } from '../../shared/schemas/clock.ts'
import type { RoutesPlugin } from '../typed-routes.ts'
import { addWorkingDays, FIRST_YEAR, isWithinClockYears, LAST_YEAR, workingDaysBetween } from '../../shared/clock/index.ts'
import { fieldError } from '../errors.ts'

const tags = ['casework']

function checkedDate (field: string, value: string): string {
  if (!isWithinClockYears(value)) {
    throw fieldError(field, `Enter ${field === 'from' ? 'the start date' : 'the end date'} as a real date between ${FIRST_YEAR} and ${LAST_YEAR}, written YYYY-MM-DD, for example 2026-12-24`)
  }
  return value
}

const clockRoutes: RoutesPlugin = async function clockRoutes (app) {
  app.get('/clock', {
    config: { access: ALL_ROLES },
    schema: {
      tags,
      summary: 'Working days (Licensing Act 2003 s.193): the date N working days after `from` (not counting it), or the working days strictly between `from` and `to`',
      querystring: clockQuery,
      response: { 200: clockResponse }
    }
  }, async request => {
    const query = request.query
    const from = checkedDate('from', query.from)
    if ((query.to === undefined) === (query.workingDays === undefined)) {
      throw fieldError(query.to === undefined ? 'workingDays' : 'to', 'Give either workingDays (a number of working days to count) or to (a second date), not both and not neither')
    }
    if (query.to !== undefined) return { workingDaysBetween: workingDaysBetween(from, checkedDate('to', query.to)) }
    try {
      return { date: addWorkingDays(from, query.workingDays!) }
    } catch {
      throw fieldError('workingDays', `That many working days from ${from} goes past the years the clock knows (${FIRST_YEAR} to ${LAST_YEAR}); count fewer days`)
    }
  })
}

export default clockRoutes
