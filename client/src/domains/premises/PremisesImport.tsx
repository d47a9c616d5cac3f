// Officers import premises: the FSA food hygiene rating XML, or a council register CSV with a
// column-mapping step. The upload shows its progress (XMLHttpRequest upload events); the result
// lists counts and every rejected row with its reason.
import { useState } from 'preact/hooks'
import { api, ApiError, APP_REQUEST_HEADERS } from '../../api/client.ts'
import { ErrorMessage } from '../../components/ui.tsx'
import { Field } from '../../components/form.tsx'
import { FHRS_TYPES, REGISTER_FIELDS, type FhrsTypeKey, type ImportReport, type RegisterMapping, type RegisterPreview } from '../../../../shared/schemas/premises.ts'
import { TableScroll } from '../../components/table.tsx'
import { plural } from '../../../../shared/plural.ts'

const FIELD_LABELS: Record<string, string> = { licenceNumber: 'Licence number *', name: 'Premises name *', address: 'Address', postcode: 'Postcode', licenceHolder: 'Licence holder', dpsName: 'DPS', status: 'Status', premisesType: 'Premises type', capacity: 'Capacity', lat: 'Latitude', lng: 'Longitude', licenceIssuedOn: 'Date issued', activities: 'Activities' }

function upload (url: string, file: File, contentType: string, onProgress: (fraction: number) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('content-type', contentType)
    xhr.setRequestHeader('accept', 'application/json')
    for (const [name, value] of Object.entries(APP_REQUEST_HEADERS)) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total) }
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'The upload failed: Nightsafe cannot be reached.'))
    xhr.onload = () => {
      let data: any = null
      try { data = JSON.parse(xhr.responseText) } catch {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else reject(new ApiError(xhr.status, data?.code ?? `HTTP_${xhr.status}`, data?.message ?? xhr.statusText, data?.field))
    }
    xhr.send(file)
  })
}

export default function PremisesImport () {
  const [kind, setKind] = useState<'fhrs' | 'register'>('fhrs')
  const [file, setFile] = useState<File | null>(null)
  const [types, setTypes] = useState<FhrsTypeKey[]>(['pub'])
  const [preview, setPreview] = useState<RegisterPreview | null>(null)
  const [mapping, setMapping] = useState<RegisterMapping>({})
  const [progress, setProgress] = useState<number | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<unknown>(null)

  async function choose (chosen: File | null) {
    setFile(chosen); setReport(null); setError(null); setPreview(null)
    if (chosen && kind === 'register') {
      try {
        const p = await api('/api/imports/premises-register/preview', { raw: chosen, contentType: 'text/csv' })
        setPreview(p); setMapping(p.suggestedMapping)
      } catch (err) { setError(err) }
    }
  }

  async function submit (e: Event) {
    e.preventDefault()
    if (!file) { setError(new ApiError(400, 'NO_FILE', 'Choose a file to import.', 'file')); return }
    setError(null); setReport(null); setProgress(0)
    const url = kind === 'fhrs'
      ? `/api/imports/premises-fhrs?types=${types.join(',')}`
      : `/api/imports/premises-register?mapping=${encodeURIComponent(JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, v]) => v))))}`
    try {
      setReport(await upload(url, file, kind === 'fhrs' ? 'text/xml' : 'text/csv', setProgress))
    } catch (err) { setError(err) } finally { setProgress(null) }
  }

  return (
    <section>
      <h1>Import premises</h1>
      <form class="form" onSubmit={submit}>
        <fieldset>
          <legend>What are you importing?</legend>
          <label><input type="radio" name="kind" checked={kind === 'fhrs'} onChange={() => { setKind('fhrs'); setPreview(null) }} /> FSA food hygiene rating XML (FHRS)</label>
          <label><input type="radio" name="kind" checked={kind === 'register'} onChange={() => { setKind('register'); setFile(null) }} /> Council premises-licence register CSV</label>
        </fieldset>
        {kind === 'fhrs' && (
          <fieldset>
            <legend>Business types to take</legend>
            {(Object.keys(FHRS_TYPES) as FhrsTypeKey[]).map(t => (
              <label key={t}><input type="checkbox" checked={types.includes(t)} onChange={e => setTypes(e.currentTarget.checked ? [...types, t] : types.filter(x => x !== t))} /> {FHRS_TYPES[t]}</label>
            ))}
          </fieldset>
        )}
        <Field id="file" label={kind === 'fhrs' ? 'FHRS XML file' : 'Register CSV file'} error={error} hint="Re-importing a file updates premises already on the register and never duplicates them.">
          <input id="file" type="file" accept={kind === 'fhrs' ? '.xml,text/xml' : '.csv,text/csv'} onChange={e => void choose(e.currentTarget.files?.[0] ?? null)} />
        </Field>
        {preview && (
          <fieldset>
            <legend>Match the CSV columns to register fields ({plural(preview.totalRows, 'row')})</legend>
            {REGISTER_FIELDS.map(f => (
              <Field key={f} id={`mapping.${f}`} label={FIELD_LABELS[f] ?? f} error={error}>
                <select id={`mapping.${f}`} value={mapping[f] ?? ''} onChange={e => setMapping({ ...mapping, [f]: e.currentTarget.value })}>
                  <option value="">(not in this file)</option>
                  {preview.headers.map(h => <option key={h} value={h}>{h}</option>)}
                </select>
              </Field>
            ))}
            <div style="overflow:auto"><TableScroll><table class="table"><caption>First rows</caption>
              <thead><tr>{preview.headers.map(h => <th key={h} scope="col">{h}</th>)}</tr></thead>
              <tbody>{preview.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
            </table></TableScroll></div>
          </fieldset>
        )}
        {error instanceof ApiError && error.field !== 'file' && !error.field?.startsWith('mapping') ? <ErrorMessage error={error} /> : null}
        <button type="submit" disabled={progress !== null}>{progress !== null ? 'Importing…' : 'Import'}</button>
        {progress !== null && (
          <div class="progress" role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
            <span style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        )}
      </form>
      {report && (
        <section aria-live="polite">
          <h2>Result</h2>
          <p class="success">{plural(report.rows, 'row')} read: {report.imported} imported, {report.updated} updated, {report.unchanged} unchanged, {report.skipped} skipped (other business types), {report.rejected.length} rejected.</p>
          {report.rejected.length > 0 && (
            <TableScroll><table class="table">
              <thead><tr><th scope="col">Where</th><th scope="col">Why it was rejected</th></tr></thead>
              <tbody>{report.rejected.map((r, i) => <tr key={i}><td>{r.line !== undefined ? `Line ${r.line}` : r.element}</td><td>{r.reason}</td></tr>)}</tbody>
            </table></TableScroll>
          )}
        </section>
      )}
    </section>
  )
}
