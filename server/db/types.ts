// The whole database as Kysely sees it: each domain declares its own tables beside its code.
import type { CoreTables } from './core.tables.ts'
import type { PremisesTables } from '../premises/premises.tables.ts'
import type { IncidentsTables } from '../incidents/incidents.tables.ts'
import type { SafetyThirstTables } from '../safety-thirst/safety-thirst.tables.ts'
import type { PlansTables } from '../plans/plans.tables.ts'
import type { HotspotsTables } from '../hotspots/hotspots.tables.ts'
import type { FlagsTables } from '../flags/flags.tables.ts'
import type { AuthTables } from '../auth/auth.tables.ts'
import type { CaseworkTables } from '../casework/casework.tables.ts'
import type { MailTables } from '../mail/mail.tables.ts'
import type { ConcernsTables } from '../concerns/concerns.tables.ts'
import type { VisitsTables } from '../visits/visits.tables.ts'
import type { MapTables } from '../map/map.tables.ts'
import type { IndicatorsTables } from '../indicators/indicators.tables.ts'
import type { WorkTables } from '../work/work.tables.ts'
import type { Kysely, Transaction } from 'kysely'

export type { Role } from './core.tables.ts'

export interface Database extends
  CoreTables, PremisesTables, IncidentsTables, SafetyThirstTables, PlansTables, HotspotsTables, FlagsTables, AuthTables, CaseworkTables,
  MailTables, ConcernsTables, VisitsTables, MapTables, IndicatorsTables, WorkTables {}

/** What repositories take: the database, or a transaction opened by a service. */
export type Db = Kysely<Database> | Transaction<Database>
