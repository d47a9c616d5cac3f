// Kysely row types for the safety-thirst domain's own tables (added by its migrations).
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SafetyThirstTables {}
