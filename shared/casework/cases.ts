// Words for licensing cases, the same on every screen, in the notices and in the open data: the
// decisions, the stages of a case, the grounds for finding a representation irrelevant and the
// licensing objectives (LA 2003 s.4(2)).
import type { CaseStage } from '../schemas/cases.ts'

export const DECISION_LABELS: Record<string, string> = {
  grant: 'Granted',
  grant_with_conditions: 'Granted with modified or added conditions',
  exclude_activity: 'Granted excluding an activity',
  refuse: 'Refused',
  no_action: 'No action taken',
  modify_conditions: 'Conditions of the licence modified',
  remove_dps: 'Designated premises supervisor removed',
  suspend: 'Licence suspended',
  revoke: 'Licence revoked'
}

export const STAGE_LABELS: Record<CaseStage, string> = {
  consultation: 'Open for representations',
  assessing: 'Representations being assessed',
  awaiting_hearing: 'A hearing must be scheduled',
  hearing_scheduled: 'Hearing scheduled',
  awaiting_decision: 'Decision due',
  decided: 'Decided',
  withdrawn: 'Withdrawn'
}

export const IRRELEVANT_GROUND_LABELS: Record<string, string> = {
  frivolous: 'Frivolous',
  vexatious: 'Vexatious',
  not_about_objective: 'Not about a licensing objective'
}

export const OBJECTIVE_LABELS: Record<string, string> = {
  crime_disorder: 'The prevention of crime and disorder',
  public_safety: 'Public safety',
  public_nuisance: 'The prevention of public nuisance',
  protection_of_children: 'The protection of children from harm'
}

/** The hearing and representation steps a case kind goes through, in words for a case page. */
export const CASE_KIND_LABELS: Record<string, string> = {
  licence_application: 'Licence application',
  review: 'Review of a premises licence'
}
