// Who may call each /api route, written down from the domain rules (README, docs/security.md,
// the API contract) and not read from the routes' own config.access: roles.test.ts checks the
// running app against this table, so a route that declares the wrong roles fails, and a route
// missing here fails until someone writes down who may call it.
//
// Conventions of the rules: administrators can do whatever licensing officers do (they run the
// service) and alone manage accounts, settings and criteria; police work beside officers on
// incidents, hotspots and flags but do not run the licensing casework; venue managers act only
// for their own premises (scoped in the services, checked by SCOPED in roles.test.ts); the
// public register and signing in need no login. Responsible authorities other than the police
// (environmental health, fire, planning, ...) see the register, plans and casework only.
import type { Role } from '../../shared/roles.ts'

export type Policy = 'public' | readonly Role[]

const PUBLIC = 'public'
const EVERYONE: readonly Role[] = ['admin', 'licensing_officer', 'police', 'venue_manager']
const SIGNED_IN: readonly Role[] = [...EVERYONE, 'responsible_authority']
const TEN_READERS: readonly Role[] = SIGNED_IN
const TEN_OBJECTORS: readonly Role[] = ['police', 'responsible_authority']
const CONSULTEES: readonly Role[] = ['admin', 'licensing_officer', 'police', 'responsible_authority']
const ADMIN: readonly Role[] = ['admin']
const OFFICERS: readonly Role[] = ['admin', 'licensing_officer']
const OFFICERS_AND_POLICE: readonly Role[] = ['admin', 'licensing_officer', 'police']
const OFFICERS_AND_MANAGERS: readonly Role[] = ['admin', 'licensing_officer', 'venue_manager']

export const ACCESS_POLICY: Record<string, Policy> = {
  // Signing in, the settings the login screen needs and the authority's boundary: no login.
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  // Accounts that onboard themselves (docs/mail.md): anyone may ask for a reset link and use a
  // link they were sent; only administrators invite.
  'POST /api/auth/forgot-password': PUBLIC,
  'POST /api/auth/reset-password': PUBLIC,
  'POST /api/auth/invitations/accept': PUBLIC,
  'POST /api/users/invitations': ADMIN,
  'GET /api/public/settings': PUBLIC,
  'GET /api/public/boundary': PUBLIC,
  // The public register (README: "the public can search the premises register without logging in").
  'GET /api/public/premises': PUBLIC,
  'GET /api/public/premises/:id': PUBLIC,
  // Its open-data downloads (issue #17): the same public fields, for anyone to reuse under the OGL.
  'GET /api/public/register.csv': PUBLIC,
  'GET /api/public/register.json': PUBLIC,

  // Every signed-in user: itself, its own notifications, the statutory clock.
  'GET /api/me': SIGNED_IN,
  // "Today": everyone's own work, each domain scoping a venue manager to its premises.
  'GET /api/me/work': SIGNED_IN,
  // Work is assigned within the licensing team.
  'GET /api/me/work/assignees': OFFICERS,
  'PUT /api/me/work/assignment': OFFICERS,
  'GET /api/notifications': SIGNED_IN,
  'POST /api/notifications/read': SIGNED_IN,
  'GET /api/clock': SIGNED_IN,
  // How each person gets notifications by email is their own choice (docs/mail.md).
  'GET /api/me/mail-preferences': SIGNED_IN,
  'PUT /api/me/mail-preferences': SIGNED_IN,

  // Accounts are managed by administrators only (api.md: invitations are admin).
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  // The audit trail and the scheduled jobs belong to the authority; running a job by hand is an administrator's.
  'GET /api/audit': OFFICERS,
  'GET /api/jobs': OFFICERS,
  'POST /api/jobs/:name/run': ADMIN,
  // The email outbox holds every recipient's address and message: administrators run the service.
  'GET /api/mail/outbox': ADMIN,
  'GET /api/mail/outbox/:id': ADMIN,
  'POST /api/mail/outbox/:id/retry': ADMIN,

  // Premises register (api.md "Premises"): everyone reads (a manager its own), officers create and
  // import, a manager edits its own contact and operating fields; exports are the register's
  // keepers' and the police's, not a venue's.
  'GET /api/premises': SIGNED_IN,
  'GET /api/premises/:id': SIGNED_IN,
  'POST /api/premises': OFFICERS,
  'PATCH /api/premises/:id': OFFICERS_AND_MANAGERS,
  'GET /api/premises/export.csv': OFFICERS_AND_POLICE,
  'GET /api/premises/export.geojson': OFFICERS_AND_POLICE,
  // The map's lean feed: everyone who reads the register (a manager gets its own premises).
  'GET /api/map/premises': SIGNED_IN,
  'POST /api/imports/premises-fhrs': OFFICERS,
  'POST /api/imports/premises-register/preview': OFFICERS,
  'POST /api/imports/premises-register': OFFICERS,

  // Incidents (api.md "Incidents and imports"): officers and police read and record; a venue manager
  // reads and records its own premises' incident book. police.uk imports: officers and police.
  // The attribution radii are read by every page that explains a link; an administrator sets them.
  'GET /api/incidents': EVERYONE,
  'GET /api/incidents/:id': EVERYONE,
  'GET /api/incidents/export.csv': EVERYONE,
  'GET /api/incidents/trend': EVERYONE,
  'POST /api/incidents': EVERYONE,
  'PATCH /api/incidents/:id': EVERYONE,
  'DELETE /api/incidents/:id': EVERYONE,
  'GET /api/incidents/settings': EVERYONE,
  'PUT /api/incidents/settings': ADMIN,
  'POST /api/imports/police-uk': OFFICERS_AND_POLICE,
  'POST /api/imports/police-uk-json': OFFICERS_AND_POLICE,
  'GET /api/imports': OFFICERS_AND_POLICE,
  'POST /api/imports/police-uk/sync': OFFICERS,
  // Partnership extracts (api.md "Partnership data"): officers, police and admins save profiles,
  // import force, A&E, ambulance and council extracts and confirm free-text locations.
  'GET /api/imports/profiles': OFFICERS_AND_POLICE,
  'PUT /api/imports/profiles/:name': OFFICERS_AND_POLICE,
  'POST /api/imports/inspect': OFFICERS_AND_POLICE,
  'POST /api/imports/records/:profile': OFFICERS_AND_POLICE,
  'GET /api/imports/locations': OFFICERS_AND_POLICE,
  'POST /api/imports/locations/decide': OFFICERS_AND_POLICE,

  // Safety Thirst (api.md, domain.md): everyone reads the current criteria; administrators publish
  // criteria sets and change the scheme's settings; a venue manager (its own) and officers start,
  // answer, submit and withdraw an application and upload evidence; officers assess, moderate and
  // decide; police read applications, evidence and certificates (assessors use police input) and
  // the scheme's progress, as officers do.
  'GET /api/safety-thirst/criteria': EVERYONE,
  'GET /api/safety-thirst/criteria-sets': OFFICERS,
  'GET /api/safety-thirst/criteria-sets/:id': OFFICERS,
  'POST /api/safety-thirst/criteria-sets': ADMIN,
  'PATCH /api/safety-thirst/criteria-sets/:id': ADMIN,
  'POST /api/safety-thirst/criteria-sets/:id/criteria': ADMIN,
  'PATCH /api/safety-thirst/criteria-sets/:id/criteria/:code': ADMIN,
  'POST /api/safety-thirst/criteria-sets/:id/publish': ADMIN,
  'GET /api/safety-thirst/settings': OFFICERS,
  'PUT /api/safety-thirst/settings': ADMIN,
  'POST /api/safety-thirst/applications': OFFICERS_AND_MANAGERS,
  'GET /api/safety-thirst/applications': EVERYONE,
  'GET /api/safety-thirst/applications/:id': EVERYONE,
  'PUT /api/safety-thirst/applications/:id/self-assessment': OFFICERS_AND_MANAGERS,
  'POST /api/safety-thirst/applications/:id/submit': OFFICERS_AND_MANAGERS,
  'POST /api/safety-thirst/applications/:id/withdraw': OFFICERS_AND_MANAGERS,
  'POST /api/safety-thirst/applications/:id/evidence': OFFICERS_AND_MANAGERS,
  'GET /api/safety-thirst/applications/:id/evidence/:fileId': EVERYONE,
  'PUT /api/safety-thirst/applications/:id/assessment': OFFICERS,
  'POST /api/safety-thirst/applications/:id/moderation': OFFICERS,
  'POST /api/safety-thirst/applications/:id/decision': OFFICERS,
  'GET /api/safety-thirst/applications/:id/certificate': EVERYONE,
  'GET /api/safety-thirst/progress': OFFICERS_AND_POLICE,
  'GET /api/safety-thirst/progress/not-taking-part': OFFICERS_AND_POLICE,
  'GET /api/safety-thirst/progress/export.csv': OFFICERS_AND_POLICE,
  'GET /api/safety-thirst/levy-reductions': OFFICERS_AND_POLICE,

  // Noise management plans and dispersal policies (README): a venue manager writes its own, officers
  // review (return or approve) and see the queue; police read plans as a responsible authority.
  // Residents' concerns (docs/concerns.md): anyone reports and follows their own case without an
  // account; officers triage and write to the reporter; police read them beside incidents; an
  // administrator sets the review threshold. What a premises' concerns count against its plans
  // (no reporter details) is plan information, read like the plans.
  'POST /api/public/concerns': PUBLIC,
  'POST /api/public/concerns/confirm': PUBLIC,
  'GET /api/public/concerns/:reference': PUBLIC,
  // The token in an email's unsubscribe link is the permission (RFC 8058 one-click, no login).
  'GET /api/public/unsubscribe': PUBLIC,
  'POST /api/public/unsubscribe': PUBLIC,
  'GET /api/concerns': OFFICERS_AND_POLICE,
  'GET /api/concerns/map': OFFICERS_AND_POLICE,
  'GET /api/concerns/:id': OFFICERS_AND_POLICE,
  'GET /api/concerns/settings': OFFICERS,
  'PUT /api/concerns/settings': ADMIN,
  'POST /api/concerns/:id/triage': OFFICERS,
  'POST /api/concerns/:id/updates': OFFICERS,
  'POST /api/concerns/:id/merge': OFFICERS,
  'POST /api/concerns/:id/abusive': OFFICERS,
  'GET /api/premises/:id/concerns': SIGNED_IN,

  'GET /api/plans/templates/:kind': SIGNED_IN,
  'GET /api/plans/queue': OFFICERS,
  'GET /api/plans/overdue': OFFICERS,
  'GET /api/plans/documents/:id': SIGNED_IN,
  'GET /api/premises/:id/plans': SIGNED_IN,
  ...planRoutes('noise-plan'),
  ...planRoutes('dispersal-policy'),
  // Licence applications: the applicant venue's manager and licensing officers submit and move them
  // on; every responsible authority (police included) reads each one it is consulted on (s.13(4)).
  'POST /api/licence-applications': OFFICERS_AND_MANAGERS,
  'GET /api/licence-applications': SIGNED_IN,
  'GET /api/licence-applications/:id': SIGNED_IN,
  'POST /api/licence-applications/:id/status': OFFICERS_AND_MANAGERS,

  // Hotspots are the police's and officers' analysis (api.md "Hotspots"), never a venue's.
  'GET /api/hotspots': OFFICERS_AND_POLICE,
  'GET /api/hotspots/density': OFFICERS_AND_POLICE,
  'GET /api/hotspots/change': OFFICERS_AND_POLICE,
  'GET /api/hotspots/briefing': OFFICERS_AND_POLICE,
  'GET /api/hotspots/cells/:id': OFFICERS_AND_POLICE,
  'GET /api/hotspots/coverage': OFFICERS_AND_POLICE,
  'GET /api/hotspots/export': OFFICERS_AND_POLICE,
  'GET /api/hotspots/export.csv': OFFICERS_AND_POLICE,
  'GET /api/hotspots/export.geojson': OFFICERS_AND_POLICE,

  // Flags (api.md "Flags"): officers run the test, acknowledge and resolve; police read every
  // result; a venue manager sees its own flags once acknowledged; an administrator sets the groups.
  'POST /api/flags/run': OFFICERS,
  'GET /api/flags': EVERYONE,
  'GET /api/flags/:id': EVERYONE,
  'GET /api/flags/export': EVERYONE,
  'GET /api/flags/runs/latest': OFFICERS_AND_POLICE,
  'GET /api/flags/concentration': OFFICERS_AND_POLICE,
  'GET /api/flags/settings': OFFICERS_AND_POLICE,
  'PUT /api/flags/settings': ADMIN,
  'POST /api/flags/:id/acknowledge': OFFICERS,
  'POST /api/flags/:id/resolve': OFFICERS,

  // Visits (api.md "Visits and traffic light"): officers and police schedule and record visits,
  // on the phone and offline; a venue manager gets 403 on every visit route.
  'GET /api/visits/tonight': OFFICERS_AND_POLICE,
  'GET /api/visits/:id': OFFICERS_AND_POLICE,
  'GET /api/visits/:id/pack': OFFICERS_AND_POLICE,
  'PUT /api/visits/:id': OFFICERS_AND_POLICE,
  'PUT /api/visits/:id/photos/:photoId': OFFICERS_AND_POLICE,
  'GET /api/visits/:id/photos/:photoId': OFFICERS_AND_POLICE,
  'PUT /api/visits/:id/assessment': OFFICERS_AND_POLICE,
  'GET /api/visits/:id/letter': OFFICERS_AND_POLICE,
  'GET /api/premises/:id/visits': OFFICERS_AND_POLICE,
  'GET /api/premises/:id/checklist': OFFICERS_AND_POLICE,
  // The premises history gathers police and licensing records: the authority's and the police's.
  'GET /api/premises/:id/timeline': OFFICERS_AND_POLICE,
  // The traffic-light scheme: everyone but other authorities reads a light (a manager its own
  // venues', with the reasons and what earns credit); officers record remedies; an administrator
  // sets the points and thresholds.
  'GET /api/premises/:id/traffic-light': EVERYONE,
  'POST /api/premises/:id/traffic-light/credits': OFFICERS,
  'GET /api/traffic-lights': EVERYONE,
  'GET /api/traffic-light/settings': OFFICERS_AND_POLICE,
  'PUT /api/traffic-light/settings': ADMIN,

  // Temporary Event Notices (api.md "Casework"): a venue manager gives one for its own premises
  // and an officer on a premises user's behalf; the police and environmental health (the only
  // authorities s.104 lets object) read and object; officers decide after a hearing.
  'POST /api/tens': OFFICERS_AND_MANAGERS,
  'GET /api/tens': TEN_READERS,
  'GET /api/tens/:id': TEN_READERS,
  'POST /api/tens/:id/objections': TEN_OBJECTORS,
  'POST /api/tens/:id/outcome': OFFICERS,
  // The premises user withdraws its own notice (its venue manager, or an officer for a paper one, s.103);
  // the authority holds the hearing on an objection (s.105).
  'POST /api/tens/:id/withdrawal': OFFICERS_AND_MANAGERS,
  'POST /api/tens/:id/hearing': OFFICERS,

  // Licensing cases (docs/casework.md): every role reads cases (a venue manager those of its own
  // premises); the responsible authorities (police, the other authorities and the licensing authority
  // itself) make representations and apply for reviews; officers assess representations, schedule
  // hearings and record decisions; a representation is withdrawn by an officer or its own authority.
  'GET /api/cases': SIGNED_IN,
  'GET /api/cases/:id': SIGNED_IN,
  'POST /api/cases/:id/representations': CONSULTEES,
  'POST /api/licence-applications/:id/representations': CONSULTEES,
  'POST /api/representations/:id/assessment': OFFICERS,
  'POST /api/representations/:id/withdrawal': CONSULTEES,
  'POST /api/cases/:id/hearing': OFFICERS,
  'POST /api/cases/:id/decision': OFFICERS,
  'POST /api/reviews': CONSULTEES,

  // The Safer City Partnership's indicators (api.md "Work and indicators"): the licensing
  // authority and the police read them for the Strategy Group; an administrator sets targets.
  'GET /api/indicators': OFFICERS_AND_POLICE,
  'GET /api/indicators/export.csv': OFFICERS_AND_POLICE,
  'GET /api/indicators/report.pdf': OFFICERS_AND_POLICE,
  'GET /api/indicators/report.csv': OFFICERS_AND_POLICE,
  'PUT /api/indicators/:key/target': ADMIN
}

/** The same rules for both kinds of plan under a premises. */
function planRoutes (kind: 'noise-plan' | 'dispersal-policy'): Record<string, Policy> {
  const base = `/api/premises/:id/${kind}`
  return {
    [`GET ${base}`]: SIGNED_IN,
    [`PUT ${base}`]: OFFICERS_AND_MANAGERS,
    [`GET ${base}/versions`]: SIGNED_IN,
    [`GET ${base}/versions/:version`]: SIGNED_IN,
    [`GET ${base}/versions/:version/diff`]: SIGNED_IN,
    [`POST ${base}/approve`]: OFFICERS,
    [`POST ${base}/return`]: OFFICERS
  }
}
