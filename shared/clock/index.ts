// The statutory clock: working days (LA 2003 s.193) and every period Nightsafe handles. The server
// and the client both import from here, so a screen shows the same deadline the API enforces.
export * from './days.ts'
export * from './periods.ts'
