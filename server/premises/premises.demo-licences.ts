// Made-up but plausible licence details for the demo register (holders, DPS, activities with
// times, hours, capacity, conditions by annex, a few suspended or lapsed), generated from a
// seeded PRNG so every demo database is the same.
import type { Day, LicensableActivity, OpeningHours, PremisesStatus } from '../../shared/schemas/premises.ts'
import type { Random } from '../demo/random.ts'


const FIRST = ['Amira', 'Ben', 'Chloe', 'Declan', 'Efua', 'Finn', 'Grace', 'Harpreet', 'Ioana', 'Jamal', 'Kasia', 'Liam', 'Maya', 'Niall', 'Olu', 'Priya', 'Rhys', 'Sofia', 'Tom', 'Yusuf']
const LAST = ['Adeyemi', 'Byrne', 'Clarke', 'Dimitriou', 'Evans', 'Fitzgerald', 'Gallagher', 'Hughes', 'Iqbal', 'Jones', 'Kowalski', 'Lombardi', 'Mensah', 'Novak', "O'Brien", 'Patel', 'Quinn', 'Rossi', 'Singh', 'Walsh']
const HOLDERS = ['Thameside Taverns Ltd', 'Cheapside Inns plc', 'Square Mile Hospitality Ltd', 'Aldgate Leisure Ltd', 'Old Bailey Bars Ltd', 'Fleet Street Pubs LLP', 'Monument Venues Ltd', 'Barbican Hospitality Group Ltd']
const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const ALL_DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

export const MANDATORY_CONDITIONS = [
  'No supply of alcohol may be made at a time when there is no designated premises supervisor in respect of the premises licence, or when the DPS does not hold a personal licence or it is suspended.',
  'Every supply of alcohol must be made or authorised by a person who holds a personal licence.',
  'The premises licence holder must ensure that an age verification policy is adopted and that staff require identification from anyone who appears to be under 18.',
  'The responsible person must ensure that free potable water is provided on request to customers where it is reasonably available.'
]
const SCHEDULE_CONDITIONS = [
  'A CCTV system covering all entrances and exits shall be maintained; recordings shall be kept for 31 days and made available to the police on request.',
  'A Challenge 25 proof of age scheme shall operate, with signage displayed at the bar.',
  'An incident log shall be kept and made available to the police and licensing officers on request.',
  'No more than 20 customers shall smoke outside the premises at any one time after 21:00.',
  'Staff shall be trained in the Ask for Angela scheme and drink-spiking awareness; training records shall be kept.',
  'Bottles and glass shall not be placed in external receptacles between 23:00 and 08:00.',
  'Doors and windows shall be kept closed after 22:00 except for access and egress.',
  'The premises shall be a member of the local Pubwatch and attend its meetings.'
]
const HEARING_CONDITIONS = [
  'A minimum of two SIA-licensed door supervisors shall be on duty from 21:00 until close on Thursdays, Fridays and Saturdays.',
  'No customer shall be admitted or re-admitted after 23:30.',
  'A dispersal policy shall be implemented and reviewed every six months.',
  'Noise from regulated entertainment shall not be audible at the nearest residential property.'
]

export interface DemoLicence {
  licenceNumber: string
  licenceHolder: string
  licenceHolderAddress: string
  licenceIssuedOn: string
  dpsName: string
  capacity: number
  status: PremisesStatus
  phone: string
  licensableActivities: LicensableActivity[]
  activities: string[]
  openingHours: OpeningHours
  conditions: { annex: number; text: string }[]
}

const pad = (n: number) => String(n).padStart(2, '0')

export function demoLicence (random: Random, index: number, total: number): DemoLicence {
  const issuedYear = random.int(2005, 2021)
  const late = random.next() < 0.35
  const closeHour = late ? random.pick([1, 2, 3]) : random.pick([22, 23])
  const close = `${pad(closeHour)}:${random.pick(['00', '30'])}`
  const weekendClose = late ? close : `${pad(Math.min(closeHour + 1, 23))}:30`
  const open = random.pick(['10:00', '11:00', '11:30', '12:00'])
  const openSat = random.next() < 0.6
  const days = openSat ? ALL_DAYS : [...WEEKDAYS, 'sat'] as Day[]
  const openingHours: OpeningHours = {}
  for (const day of days) openingHours[day] = { from: open, to: ['fri', 'sat'].includes(day) ? weekendClose : close }
  const licensableActivities: LicensableActivity[] = [
    { activity: 'sale_of_alcohol_on', days: [...days], from: open, to: close },
    ...(random.next() < 0.5 ? [{ activity: 'sale_of_alcohol_off' as const, days: [...days], from: open, to: '23:00' }] : []),
    ...(random.next() < 0.4 ? [{ activity: 'recorded_music' as const, days: ['thu', 'fri', 'sat'] as Day[], from: '19:00', to: weekendClose }] : []),
    ...(random.next() < 0.2 ? [{ activity: 'live_music' as const, days: ['fri', 'sat'] as Day[], from: '20:00', to: '23:00' }] : []),
    ...(late ? [{ activity: 'late_night_refreshment' as const, days: ['thu', 'fri', 'sat'] as Day[], from: '23:00', to: close }] : [])
  ]
  // A few suspended, lapsed or surrendered licences, spread through the register.
  const status: PremisesStatus = index % 53 === 7 ? 'suspended' : index % 61 === 11 ? 'lapsed' : index === total - 3 ? 'surrendered' : 'current'
  const dps = `${random.pick(FIRST)} ${random.pick(LAST)}`
  const conditions = [
    ...MANDATORY_CONDITIONS.slice(0, random.int(2, 4)).map(text => ({ annex: 1, text })),
    ...random.some(SCHEDULE_CONDITIONS, random.int(2, 4)).map(text => ({ annex: 2, text })),
    ...(late || random.next() < 0.1 ? random.some(HEARING_CONDITIONS, random.int(1, 2)).map(text => ({ annex: 3, text })) : []),
    { annex: 4, text: `Plans as deposited with the licensing authority on ${pad(random.int(1, 28))}/${pad(random.int(1, 12))}/${issuedYear} (demo).` }
  ]
  return {
    licenceNumber: `DEMO/${String(issuedYear).slice(2)}/${String(100 + index).padStart(5, '0')}`,
    licenceHolder: random.next() < 0.8 ? random.pick(HOLDERS) : `${random.pick(FIRST)} ${random.pick(LAST)}`,
    licenceHolderAddress: `${random.int(1, 200)} Example Street, London EC${random.int(1, 4)}A ${random.int(1, 9)}DM (demo)`,
    licenceIssuedOn: `${issuedYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    dpsName: dps,
    capacity: random.pick([60, 80, 100, 120, 150, 180, 200, 250, 300, 400, 500, 800]),
    status,
    phone: `020 7946 0${String(random.int(0, 999)).padStart(3, '0')}`,
    licensableActivities,
    activities: [...new Set(licensableActivities.map(a => a.activity))],
    openingHours,
    conditions
  }
}
