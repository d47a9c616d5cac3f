// Kysely row types for the hotspots domain's own tables (added by its migrations).
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface HotspotsTables {}
