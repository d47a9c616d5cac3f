// The two documents the City's Statement of Licensing Policy asks every application to carry,
// with the sections the policy requires. Shared so the server validates and the client shows
// guidance from one source; a plan's `sections` object is keyed by these keys.
export const PLAN_KINDS = ['noise_management_plan', 'dispersal_policy'] as const
export type PlanKind = typeof PLAN_KINDS[number]

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'superseded'] as const
export type PlanStatus = typeof PLAN_STATUSES[number]

/** Structured fields kept in their own columns (searchable, shown on the premises page). */
export const PLAN_FIELDS = ['operatingHours', 'limiterSetting', 'complaintContactNumber', 'taxiOperator', 'reviewDate'] as const
export type PlanField = typeof PLAN_FIELDS[number]
export type PlanFields = Partial<Record<PlanField, string | null>>

export const PLAN_FIELD_LABELS: Record<PlanField, { label: string; hint: string; type: 'text' | 'tel' | 'date' }> = {
  operatingHours: { label: 'Operating hours', hint: 'e.g. Mon–Thu 11:00–23:30, Fri–Sat 11:00–02:00', type: 'text' },
  limiterSetting: { label: 'Noise limiter setting', hint: 'e.g. 85 dB(A) LAeq,5min at the mixing desk, set on 12 March', type: 'text' },
  complaintContactNumber: { label: 'Published complaints number', hint: 'A number answered while the premises is open', type: 'tel' },
  taxiOperator: { label: 'Licensed taxi or private hire operator', hint: 'Name and number of the operator you book for customers', type: 'text' },
  reviewDate: { label: 'Next review date stated in the document', hint: 'When you will next review this document', type: 'date' }
}

export type PlanSectionTemplate = {
  key: string
  title: string
  guidance: string
  required: boolean
  /** Structured fields entered alongside this section's text. */
  fields?: PlanField[]
}

export type PlanTemplate = { kind: PlanKind; title: string; sections: PlanSectionTemplate[] }

export const PLAN_TEMPLATES: Record<PlanKind, PlanTemplate> = {
  noise_management_plan: {
    kind: 'noise_management_plan',
    title: 'Noise management plan',
    sections: [
      { key: 'premises_context', title: 'Premises and context', required: true, fields: ['operatingHours'], guidance: 'Describe where the premises is and who could be disturbed: the nearest residents and other noise-sensitive neighbours (homes, hotels, hospitals, places of worship), the opening hours and the capacity.' },
      { key: 'noise_sources', title: 'Noise sources and controls', required: true, fields: ['limiterSetting'], guidance: 'List every source and how you control it: amplified and live music (limiter setting, doors and windows kept closed, lobbies), outside and smoking areas, queues, plant and machinery, deliveries, collections and bottle bins (with the times they happen).' },
      { key: 'monitoring', title: 'Monitoring', required: true, guidance: 'Say who checks noise, when, and at which points (e.g. the nearest residential façade every hour after 22:00), and the log you keep of those checks.' },
      { key: 'complaints', title: 'Complaints', required: true, fields: ['complaintContactNumber'], guidance: 'Give the published contact number answered while you are open, how complaints are logged, and how quickly you respond and follow up.' },
      { key: 'staff_training', title: 'Staff roles and training', required: true, guidance: 'Name the roles responsible for noise (duty manager, door supervisors, sound engineer), the training each receives and how often it is refreshed.' },
      { key: 'review', title: 'Review', required: true, fields: ['reviewDate'], guidance: 'State the date of this version and the next review date. Review the plan at least yearly and after any complaint or change to the premises.' }
    ]
  },
  dispersal_policy: {
    kind: 'dispersal_policy',
    title: 'Dispersal policy',
    sections: [
      { key: 'objectives', title: 'Objectives', required: true, guidance: 'Explain what the policy is for: customers leave quietly and safely, without nuisance to residents or crowding in the street.' },
      { key: 'wind_down', title: 'Wind-down', required: true, fields: ['operatingHours'], guidance: 'Describe the wind-down before closing: last orders time, calmer and quieter music, lights brought up.' },
      { key: 'customer_communication', title: 'Communication to customers', required: true, guidance: 'How customers are told to leave quietly: announcements, exit signage, reminders from staff, notices about neighbours.' },
      { key: 'staff_at_exits', title: 'Staff and door supervisors at exits', required: true, guidance: 'Where staff and door supervisors stand at the exits and in the street at closing time, and the instructions they follow.' },
      { key: 'transport', title: 'Transport', required: true, fields: ['taxiOperator'], guidance: 'The licensed taxi or private hire operator you use, night bus and Night Tube information you give out, and the safe waiting area for customers.' },
      { key: 'outside_areas', title: 'Smoking and outside area closure', required: true, guidance: 'When the smoking area and any outside area close, and how you stop customers gathering there after that time.' },
      { key: 'vulnerable_customers', title: 'Vulnerable customers at closing time', required: true, guidance: 'How staff make sure no one leaves alone and unwell: welfare checks, calling friends or a taxi, Ask for Angela, when to call for medical help.' },
      { key: 'review', title: 'Review', required: true, fields: ['reviewDate'], guidance: 'State the date of this version and the next review date. Review the policy at least yearly and after any incident at closing time.' }
    ]
  }
}

/** URL segment of each kind: /api/premises/:id/noise-plan and /dispersal-policy. */
export const PLAN_SLUGS = { noise_management_plan: 'noise-plan', dispersal_policy: 'dispersal-policy' } as const satisfies Record<PlanKind, string>

export const PLAN_KIND_LABELS: Record<PlanKind, string> = { noise_management_plan: 'Noise management plan', dispersal_policy: 'Dispersal policy' }

export function templateFields (kind: PlanKind): PlanField[] {
  return [...new Set(PLAN_TEMPLATES[kind].sections.flatMap(s => s.fields ?? []))]
}

/** Required sections left empty (missing or only whitespace), in template order. */
export function missingSections (kind: PlanKind, sections: Record<string, string | undefined>): string[] {
  return PLAN_TEMPLATES[kind].sections.filter(s => s.required && !(sections[s.key] ?? '').trim()).map(s => s.key)
}
