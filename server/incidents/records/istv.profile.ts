// The import profile shipped with Nightsafe for A&E assault data shared under the Information
// Sharing to Tackle Violence standard (ISB 1594, the Cardiff Model): the date and time of the
// assault, where it happened as free text, and the primary means of assault, with a record
// reference of the hospital's own (no patient identifiers). Every means of assault is violence;
// the means is kept as the record's classification.
import type { ProfileBody } from '../../../shared/schemas/records.ts'

export const ISTV_PROFILE_NAME = 'istv'

export const ISTV_PROFILE: ProfileBody = {
  label: 'A&E assaults (ISTV, ISB 1594)',
  source: 'hospital',
  columns: {
    reference: 'ISTV record ID',
    occurredFrom: 'Date of assault',
    occurredFromTime: 'Time of assault',
    category: 'Primary means of assault',
    locationText: 'Location of assault'
  },
  dateFormat: 'dd/MM/yyyy HH:mm',
  coordinates: 'none',
  categoryMap: { '*': 'violent-crime' }
}
