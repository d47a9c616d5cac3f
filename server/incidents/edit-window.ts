// Who may change or delete an incident, and until when. An entry can be put right for a while
// after it is recorded (INCIDENT_EDIT_WINDOW_HOURS, 72 by default); after that it is evidence a
// review may rely on: a venue can no longer change its incident-book entry, nobody deletes a
// record, and officers and police correct one only through an audited edit.
import type { CurrentUser } from '../plugins/auth.ts'
import { isVenueManager } from '../auth/access.ts'
import { localDateTimeInWords } from '../../shared/dates.ts'
import { plural } from '../../shared/plural.ts'

export interface EditWindow { hours: number; now: Date; tz: string }

interface Recorded { source: string; premisesId: number | null; reportedBy: number | null; createdAt: Date | string }

export interface ChangeRights {
  editable: boolean
  deletable: boolean
  /** The end of the window, while it is open and it limits this user; else null. */
  changeableUntil: string | null
  /** Why the user may not edit it, or null when they may. */
  editRefusal: Refusal | null
  /** Why the user may not delete it, or null when they may. */
  deleteRefusal: Refusal | null
}

/** 403: never this user's to change; 409: it was, but the window has closed or the record is read-only. */
export interface Refusal { status: 403 | 409; message: string }

function closesAt (row: Recorded, window: EditWindow): Date {
  return new Date(new Date(row.createdAt).getTime() + window.hours * 3600_000)
}

export function changeRights (row: Recorded, user: CurrentUser, window: EditWindow): ChangeRights {
  const open = window.now.getTime() < closesAt(row, window).getTime()
  // The message is written only when a refusal is sent: a list asks about every row and needs only yes or no,
  // and formatting a local date costs more than all the rest of this.
  const closed = (what: string, instead: string): Refusal => ({
    status: 409,
    get message () {
      return `You can no longer ${what} this incident: that can be done only in the ${plural(window.hours, 'hour')} after it is recorded, ` +
        `and it was recorded on ${localDateTimeInWords(new Date(row.createdAt), window.tz)}. ${instead}`
    }
  })
  let editRefusal: Refusal | null = null
  let deleteRefusal: Refusal | null = null
  if (isVenueManager(user)) {
    // Only the venue's own incident book, checked first: anyone else's record (a police.uk one
    // included) gets the same 403, so a manager learns nothing about it.
    const ownBook = row.source === 'venue' && user.premisesIds.includes(row.premisesId ?? -1)
    if (!ownBook) editRefusal = deleteRefusal = { status: 403, message: 'This incident is not in the incident book of premises you manage' }
    else if (!open) editRefusal = deleteRefusal = closed('change or delete', 'If something in it is wrong, ask the licensing team to correct it.')
  } else if (row.source === 'police_uk') {
    editRefusal = deleteRefusal = { status: 409, message: 'Incidents imported from police.uk are read-only; import a newer download to update them' }
  } else {
    // Officers and police correct any record (audited); only its recorder deletes it, while the window is open.
    if (row.reportedBy !== user.id) deleteRefusal = { status: 403, message: 'Only the person who recorded an incident can delete it: correct it instead, or add its outcome' }
    else if (!open) deleteRefusal = closed('delete', 'It is evidence now, so correct it or add its outcome instead.')
  }
  // What the window still allows this user: deleting, and for a venue also changing.
  const limited = deleteRefusal === null || (isVenueManager(user) && editRefusal === null)
  return {
    editable: editRefusal === null,
    deletable: deleteRefusal === null,
    changeableUntil: limited ? closesAt(row, window).toISOString() : null,
    editRefusal,
    deleteRefusal
  }
}
