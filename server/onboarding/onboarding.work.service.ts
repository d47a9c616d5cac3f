// Onboarding's part of "Today", for administrators: people invited in the last
// PENDING_INVITATION_DAYS who have not yet followed their link. An invitation past its expiry is
// overdue: the person can still choose a password with "Forgot your password?" (which spends
// the invitation link), and the administrator tells them so.
import type { Db } from '../db/types.ts'
import type { CurrentUser } from '../plugins/auth.ts'
import { addDays, localDate, localToUtc } from '../../shared/dates.ts'
import type { WorkItem } from '../../shared/schemas/work.ts'
import { unusedLinkTokens } from '../mail/mail.public.ts'

export const PENDING_INVITATION_DAYS = 30

export async function onboardingWork (db: Db, user: CurrentUser, today: string, tz: string): Promise<WorkItem[]> {
  if (user.role !== 'admin') return []
  // From local midnight, so the window is the same 30 days on either side of a clock change.
  const since = localToUtc(addDays(today, -PENDING_INVITATION_DAYS), tz)
  const tokens = await unusedLinkTokens(db, 'invitation', since)
  return tokens.map((token): WorkItem => {
    const expiresOn = localDate(new Date(token.expiresAt), tz)
    const expired = expiresOn < today
    return {
      kind: 'invitation_pending',
      title: expired
        ? `The invitation to ${token.email} expired on ${expiresOn} without being accepted: ask them to choose a password with "Forgot your password?" on the login page`
        : `${token.email} has not yet accepted the invitation (the link works until ${expiresOn})`,
      dueOn: expiresOn, overdue: expired, link: '/admin/users'
    }
  })
}
