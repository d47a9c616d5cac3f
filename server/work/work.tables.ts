// Kysely row type of work assignments (see migrations/*_create_work_assignments.ts).
import type { Generated } from 'kysely'

export interface WorkAssignmentsTable {
  itemKey: string
  assigneeId: number
  assignedBy: number | null
  assignedAt: Generated<Date>
}

export interface WorkTables {
  workAssignments: WorkAssignmentsTable
}
