// One entry of the public register (no login): the statutory register fields and conditions.
// Printable: the page is what a member of the public would otherwise ask the council for.
import { useRoute } from 'preact-iso'
import { api } from '../../api/client.ts'
import { ErrorMessage, Loading, formatDate, useLoad } from '../../components/ui.tsx'
import type { PremisesDetail } from '../../../../shared/schemas/premises.ts'
import { PremisesFacts } from './PremisesFacts.tsx'

export default function PublicPremises () {
  const { params } = useRoute()
  const id = Number(params.id)
  const { data, error, loading } = useLoad(signal => api(`/api/public/premises/${id}`, { signal }), [id])
  if (loading && !data) return <Loading />
  if (error || !data) return <section><h1>Register entry</h1><ErrorMessage error={error} /><p><a href="/register">Back to the public register</a></p></section>
  return (
    <section class="printable">
      <p class="no-print"><a href="/register">← Public register</a> · <button class="link" onClick={() => print()}>Print</button></p>
      <h1>{data.name}</h1>
      <p class="lead">{[data.address, data.postcode].filter(Boolean).join(', ')}</p>
      <PremisesFacts premises={data} />
      <p class="muted">Register entry last changed {formatDate(data.updatedAt, true)}.{data.isDemo && ' Licence details in this demo are made up.'}</p>
    </section>
  )
}
