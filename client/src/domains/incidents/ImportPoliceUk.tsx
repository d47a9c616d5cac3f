// Import a police.uk street-level CSV: upload with progress, then the result summary
// (imported, updated, unchanged, rejected lines). Re-importing the same file changes nothing.
import { useState } from 'preact/hooks'
import { APP_REQUEST_HEADERS } from '../../api/client.ts'
import { ErrorMessage, useLoad } from '../../components/ui.tsx'
import { api } from '../../api/client.ts'
import type { ImportSummary } from '../../../../shared/schemas/incidents.ts'
import { TableScroll } from '../../components/table.tsx'
import { plural } from '../../../../shared/plural.ts'

function upload (file: File, onProgress: (fraction: number) => void): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/imports/police-uk')
    for (const [name, value] of Object.entries(APP_REQUEST_HEADERS)) xhr.setRequestHeader(name, value)
    xhr.setRequestHeader('content-type', 'text/csv')
    xhr.setRequestHeader('x-file-name', file.name.replace(/[^\w.-]/g, '_'))
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total) }
    xhr.onload = () => {
      let body: any = null
      try { body = JSON.parse(xhr.responseText) } catch {}
      if (xhr.status === 200) resolve(body)
      else reject(new Error(body?.message ?? `Import failed (${xhr.status})`))
    }
    xhr.onerror = () => reject(new Error('Nightsafe cannot be reached. Check your connection and try again.'))
    xhr.send(file)
  })
}

export default function ImportPoliceUk () {
  const [results, setResults] = useState<{ name: string; summary?: ImportSummary; error?: string }[]>([])
  const [progress, setProgress] = useState<number | null>(null)
  const runs = useLoad(signal => api('/api/imports', { signal }), [results.length])

  async function submit (event: Event) {
    event.preventDefault()
    const input = (event.currentTarget as HTMLFormElement).querySelector('input[type=file]') as HTMLInputElement
    for (const file of Array.from(input.files ?? [])) {
      setProgress(0)
      try {
        const summary = await upload(file, setProgress)
        setResults(r => [{ name: file.name, summary }, ...r])
      } catch (e) {
        setResults(r => [{ name: file.name, error: (e as Error).message }, ...r])
      }
    }
    setProgress(null)
  }

  return (
    <section>
      <h1>Import police.uk street crime</h1>
      <p>Upload monthly street-level CSV files downloaded from data.police.uk (<code>YYYY-MM-force-street.csv</code>). Importing a file again changes nothing; a later download of the same month updates outcomes. Contains public sector information licensed under the Open Government Licence v3.0.</p>
      <form class="card form" onSubmit={submit}>
        <label for="file">Street CSV files</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" multiple required />
        <button type="submit" disabled={progress !== null}>Import</button>
        {progress !== null && <progress max={1} value={progress} aria-label="Upload progress">{Math.round(progress * 100)}%</progress>}
      </form>
      {results.map((r, i) => (
        <div class="card" key={i} role="status">
          <h2>{r.name}</h2>
          {r.error && <ErrorMessage error={r.error} />}
          {r.summary && (
            <>
              <p data-testid="import-summary">{plural(r.summary.rows, 'row')}: {r.summary.imported} imported, {r.summary.updated} updated, {r.summary.unchanged} unchanged, {r.summary.skipped ? `${r.summary.skipped} skipped, ` : ''}{r.summary.rejected.length} rejected{r.summary.noLocation ? `; ${r.summary.noLocation} without a location (kept)` : ''}.</p>
              {r.summary.rejected.length > 0 && <ul>{r.summary.rejected.slice(0, 50).map(x => <li key={x.line}>Line {x.line}: {x.reason}</li>)}</ul>}
            </>
          )}
        </div>
      ))}
      <h2>Recent imports</h2>
      {runs.data && (
        <TableScroll><table class="table">
          <thead><tr><th scope="col">File</th><th scope="col" class="num">Rows</th><th scope="col" class="num">Imported</th><th scope="col" class="num">Updated</th><th scope="col">When</th></tr></thead>
          <tbody>{runs.data.items.map(run => <tr key={run.id}><td>{run.fileName ?? '—'}</td><td class="num">{run.rows}</td><td class="num">{run.imported}</td><td class="num">{run.updated}</td><td>{new Date(run.createdAt).toLocaleString('en-GB')}</td></tr>)}</tbody>
        </table></TableScroll>
      )}
    </section>
  )
}
