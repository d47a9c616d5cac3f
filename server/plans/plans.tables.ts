// Kysely row types for the plans domain's own tables (added by its migrations).
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface PlansTables {}
