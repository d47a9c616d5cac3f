// What other domains may use of notifications: notify() inside their transaction, and the
// notifications of a window for a digest.
export { notify, notificationsBetween } from './notifications.service.ts'
export type { NewNotification } from './notifications.repository.ts'
