// JSON Schemas and types of licensing cases (casework domain): a licence application or a review,
// the representations made on it, its hearing and its decision. A representation's maker is
// named by organisation, or as "Other person N": the personal details of other persons appear
// only in officers' answers (`person`), never in public or venue managers' ones.
import type { FromSchema } from 'json-schema-to-ts'
import { LICENSING_OBJECTIVES } from './licence-applications.ts'
import { localDate, pagingQuery } from './common.ts'

export const CASE_KINDS = ['licence_application', 'review'] as const
export type CaseKind = typeof CASE_KINDS[number]
export const CASE_STATUSES = ['open', 'hearing_scheduled', 'decided', 'withdrawn'] as const
/**
 * Where a case stands, worked out from its dates and representations: the representation period
 * is open; representations wait to be assessed; a hearing must be scheduled; the hearing is
 * set; the hearing has been held (or none is needed) and the decision is due; decided; withdrawn.
 */
export const CASE_STAGES = ['consultation', 'assessing', 'awaiting_hearing', 'hearing_scheduled', 'awaiting_decision', 'decided', 'withdrawn'] as const
export type CaseStage = typeof CASE_STAGES[number]
export const PARTIES = ['responsible_authority', 'other_person'] as const
export type Party = typeof PARTIES[number]
export const IRRELEVANT_GROUNDS = ['frivolous', 'vexatious', 'not_about_objective'] as const
export const REPRESENTATION_STATUSES = ['awaiting_confirmation', 'received', 'withdrawn'] as const
/** Decisions on an application (s.18(3)(b), s.35(4)) and on a review (s.52(4)). */
export const APPLICATION_OUTCOMES = ['grant', 'grant_with_conditions', 'exclude_activity', 'refuse'] as const
export const REVIEW_OUTCOMES = ['no_action', 'modify_conditions', 'exclude_activity', 'remove_dps', 'suspend', 'revoke'] as const
export const DECISION_OUTCOMES = ['grant', 'grant_with_conditions', 'exclude_activity', 'refuse', 'no_action', 'modify_conditions', 'remove_dps', 'suspend', 'revoke'] as const
export type DecisionOutcome = typeof DECISION_OUTCOMES[number]
export const REVIEW_PROMPTS = ['traffic_light', 'flag', 'other'] as const

const text = (maxLength: number, message: string) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S', 'x-message': message }) as const
const OBJECTIVES_MESSAGE = 'Choose at least one licensing objective: crime and disorder, public safety, public nuisance or the protection of children from harm'
const objectives = {
  type: 'array', minItems: 1, maxItems: 4, uniqueItems: true, items: { type: 'string', enum: LICENSING_OBJECTIVES, 'x-message': OBJECTIVES_MESSAGE },
  'x-message': OBJECTIVES_MESSAGE
} as const

const personProperties = {
  name: text(200, 'Enter your full name'),
  address: text(500, 'Enter your address, with the postcode'),
  email: { type: 'string', format: 'email', maxLength: 254, 'x-message': 'Enter an email address like name@example.com' }
} as const
/** Name, address and email of an other person (a resident, a business); an officer recording a paper one may lack the email. */
const personOnPaper = { type: 'object', properties: personProperties, required: ['name', 'address'], additionalProperties: false } as const
const personOnline = { type: 'object', properties: personProperties, required: ['name', 'address', 'email'], additionalProperties: false } as const

/** POST /licence-applications/:id/representations and /cases/:id/representations (signed in). */
export const representationBody = {
  type: 'object',
  properties: {
    party: { type: 'string', enum: PARTIES },
    objectives,
    text: text(10000, 'Say what the representation is: how the application affects the licensing objectives you chose'),
    // An officer recording a representation an other person sent on paper or by email.
    person: personOnPaper
  },
  required: ['party', 'objectives', 'text'],
  additionalProperties: false
} as const

/** POST /public/cases/:id/representations (no login): an other person, confirmed by an email link. */
export const publicRepresentationBody = {
  type: 'object',
  properties: {
    party: { type: 'string', enum: ['other_person'] },
    objectives,
    text: text(10000, 'Say how the application would affect the licensing objectives you chose'),
    person: personOnline
  },
  required: ['objectives', 'text', 'person'],
  additionalProperties: false
} as const

export const confirmRepresentationBody = {
  type: 'object',
  properties: { token: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['token'],
  additionalProperties: false
} as const

export const assessmentBody = {
  type: 'object',
  properties: {
    relevance: { type: 'string', enum: ['relevant', 'irrelevant'] },
    ground: { type: 'string', enum: IRRELEVANT_GROUNDS },
    reason: text(5000, 'Give the reason for the assessment')
  },
  required: ['relevance', 'reason'],
  additionalProperties: false
} as const

export const withdrawalBody = {
  type: 'object',
  properties: { note: text(5000, 'Say how it was withdrawn, for example after mediation agreed a condition') },
  required: ['note'],
  additionalProperties: false
} as const

/** Schedule a hearing (of a case or of an objection to a TEN). */
export const hearingBody = {
  type: 'object',
  properties: {
    date: localDate,
    time: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', 'x-message': 'Enter the time the hearing starts as a 24-hour time, for example 10:00' },
    place: text(300, 'Enter where the hearing is held, for example Committee Room 1, Guildhall')
  },
  required: ['date', 'time', 'place'],
  additionalProperties: false
} as const

export const decisionBody = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: DECISION_OUTCOMES },
    reasons: text(20000, 'Give the reasons for the decision'),
    addedConditions: { type: 'array', maxItems: 50, items: text(2000, 'Write each added condition in full') },
    modifiedConditions: {
      type: 'array', maxItems: 50,
      items: {
        type: 'object',
        properties: { conditionId: { type: 'integer', minimum: 1, maximum: 2147483647 }, text: text(2000, 'Write the modified condition in full') },
        required: ['conditionId', 'text'],
        additionalProperties: false
      }
    },
    excludedActivities: { type: 'array', maxItems: 30, uniqueItems: true, items: text(200, 'Name each excluded activity') },
    suspendedUntil: localDate
  },
  required: ['outcome', 'reasons'],
  additionalProperties: false
} as const

export const reviewBody = {
  type: 'object',
  properties: {
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    // An officer records a review an other person applied for on paper (with their details).
    party: { type: 'string', enum: PARTIES },
    person: personOnPaper,
    objectives,
    grounds: text(20000, 'Give the grounds for the review: what has happened and how it undermines the objectives'),
    promptedBy: { type: 'string', enum: REVIEW_PROMPTS },
    promptRef: { type: 'string', maxLength: 200 },
    givenOn: localDate
  },
  required: ['premisesId', 'objectives', 'grounds'],
  additionalProperties: false
} as const

export const appealBody = {
  type: 'object',
  properties: { lodgedOn: localDate, note: { type: 'string', maxLength: 5000 } },
  required: ['lodgedOn'],
  additionalProperties: false
} as const

export const caseListQuery = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: CASE_KINDS },
    stage: { type: 'string', enum: CASE_STAGES },
    premisesId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    ...pagingQuery
  },
  additionalProperties: false
} as const

const period = { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'], additionalProperties: false } as const
const nullableString = { type: ['string', 'null'] } as const
const count = { type: 'integer' } as const

export const representationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    caseId: { type: 'integer' },
    party: { type: 'string', enum: PARTIES },
    organisation: nullableString,
    /** "Environmental health", or "Other person 2": how every screen names the maker. */
    label: { type: 'string' },
    objectives: { type: 'array', items: { type: 'string' } },
    text: { type: 'string' },
    madeOn: { type: 'string' },
    status: { type: 'string', enum: REPRESENTATION_STATUSES },
    relevance: { type: ['string', 'null'], enum: ['relevant', 'irrelevant', null] },
    irrelevantGround: { type: ['string', 'null'], enum: [...IRRELEVANT_GROUNDS, null] },
    assessmentReason: nullableString,
    assessedAt: { type: ['string', 'null'], format: 'date-time' },
    withdrawnAt: { type: ['string', 'null'], format: 'date-time' },
    withdrawalNote: nullableString,
    /** Officers only: the other person's details. */
    person: {
      type: ['object', 'null'],
      properties: { name: { type: 'string' }, address: { type: 'string' }, email: nullableString, confirmed: { type: 'boolean' } },
      required: ['name', 'address', 'email', 'confirmed'],
      additionalProperties: false
    }
  },
  required: ['id', 'caseId', 'party', 'organisation', 'label', 'objectives', 'text', 'madeOn', 'status', 'relevance', 'irrelevantGround', 'assessmentReason', 'assessedAt', 'withdrawnAt', 'withdrawalNote'],
  additionalProperties: false
} as const

export const hearingSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, date: { type: 'string' }, time: { type: 'string' }, place: { type: 'string' },
    noticeGivenOn: { type: 'string' }, held: { type: 'boolean' }
  },
  required: ['id', 'date', 'time', 'place', 'noticeGivenOn', 'held'],
  additionalProperties: false
} as const

export const decisionSchema = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: DECISION_OUTCOMES },
    reasons: { type: 'string' },
    addedConditions: { type: 'array', items: { type: 'string' } },
    modifiedConditions: { type: 'array', items: { type: 'object', properties: { conditionId: { type: 'integer' }, before: { type: 'string' }, text: { type: 'string' } }, required: ['conditionId', 'before', 'text'], additionalProperties: false } },
    excludedActivities: { type: 'array', items: { type: 'string' } },
    suspendedUntil: nullableString,
    decidedOn: { type: 'string' },
    notifiedOn: { type: 'string' },
    appealDeadline: { type: 'string' },
    takesEffectOn: { type: 'string' },
    applied: { type: 'boolean' },
    appealLodgedOn: nullableString
  },
  required: ['outcome', 'reasons', 'addedConditions', 'modifiedConditions', 'excludedActivities', 'suspendedUntil', 'decidedOn', 'notifiedOn', 'appealDeadline', 'takesEffectOn', 'applied', 'appealLodgedOn'],
  additionalProperties: false
} as const

export const deadlineSchema = {
  type: 'object',
  properties: { key: { type: 'string' }, label: { type: 'string' }, date: { type: 'string' }, provision: { type: 'string' }, passed: { type: 'boolean' } },
  required: ['key', 'label', 'date', 'provision', 'passed'],
  additionalProperties: false
} as const

export const caseSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: CASE_KINDS },
    title: { type: 'string' },
    premisesId: { type: 'integer' },
    premisesName: { type: 'string' },
    premisesAddress: { type: 'string' },
    licenceApplicationId: { type: ['integer', 'null'] },
    application: {
      type: ['object', 'null'],
      properties: {
        kind: { type: 'string' }, applicantName: { type: 'string' }, status: { type: 'string' },
        activities: { type: 'array', items: { type: 'object', properties: { activity: { type: 'string' }, hours: { type: 'string' } }, required: ['activity', 'hours'], additionalProperties: false } },
        noisePlan: { type: 'object', properties: { id: { type: 'integer' }, version: { type: 'integer' } }, required: ['id', 'version'], additionalProperties: false },
        dispersalPolicy: { type: 'object', properties: { id: { type: 'integer' }, version: { type: 'integer' } }, required: ['id', 'version'], additionalProperties: false }
      },
      required: ['kind', 'applicantName', 'status', 'activities', 'noisePlan', 'dispersalPolicy'],
      additionalProperties: false
    },
    review: {
      type: ['object', 'null'],
      properties: {
        broughtBy: { type: 'string' }, party: { type: 'string', enum: PARTIES }, organisation: nullableString,
        objectives: { type: 'array', items: { type: 'string' } }, grounds: { type: 'string' },
        promptedBy: nullableString, promptRef: nullableString
      },
      required: ['broughtBy', 'party', 'organisation', 'objectives', 'grounds', 'promptedBy', 'promptRef'],
      additionalProperties: false
    },
    status: { type: 'string', enum: CASE_STATUSES },
    stage: { type: 'string', enum: CASE_STAGES },
    givenOn: { type: 'string' },
    representationPeriod: period,
    representationsOpen: { type: 'boolean' },
    hearingNeeded: { type: 'boolean' },
    hearingWindow: period,
    hearing: { anyOf: [hearingSchema, { type: 'null' }] },
    decision: { anyOf: [decisionSchema, { type: 'null' }] },
    appealDeadline: nullableString,
    deadlines: { type: 'array', items: deadlineSchema },
    counts: {
      type: 'object',
      properties: { received: count, relevant: count, irrelevant: count, unassessed: count, awaitingConfirmation: count, withdrawn: count },
      required: ['received', 'relevant', 'irrelevant', 'unassessed', 'awaitingConfirmation', 'withdrawn'],
      additionalProperties: false
    },
    representations: { type: 'array', items: representationSchema }
  },
  required: ['id', 'kind', 'title', 'premisesId', 'premisesName', 'premisesAddress', 'licenceApplicationId', 'application', 'review', 'status', 'stage', 'givenOn', 'representationPeriod', 'representationsOpen', 'hearingNeeded', 'hearingWindow', 'hearing', 'decision', 'appealDeadline', 'deadlines', 'counts', 'representations'],
  additionalProperties: false
} as const

export const representationAccepted = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    status: { type: 'string', enum: REPRESENTATION_STATUSES },
    message: { type: 'string' }
  },
  required: ['reference', 'status', 'message'],
  additionalProperties: false
} as const

export const representationConfirmed = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['confirmed', 'already_confirmed'] },
    reference: { type: 'string' },
    caseId: { type: 'integer' },
    premisesName: { type: 'string' },
    message: { type: 'string' }
  },
  required: ['state', 'reference', 'caseId', 'premisesName', 'message'],
  additionalProperties: false
} as const

export type LicensingCase = FromSchema<typeof caseSchema>
export type Representation = FromSchema<typeof representationSchema>
export type CaseDecision = FromSchema<typeof decisionSchema>
export type CaseHearing = FromSchema<typeof hearingSchema>
export type CaseDeadline = FromSchema<typeof deadlineSchema>
export type RepresentationBody = FromSchema<typeof representationBody>
export type PublicRepresentationBody = FromSchema<typeof publicRepresentationBody>
export type AssessmentBody = FromSchema<typeof assessmentBody>
export type HearingBody = FromSchema<typeof hearingBody>
export type DecisionBody = FromSchema<typeof decisionBody>
export type ReviewBody = FromSchema<typeof reviewBody>
export type AppealBody = FromSchema<typeof appealBody>
export type CaseListQuery = FromSchema<typeof caseListQuery>
