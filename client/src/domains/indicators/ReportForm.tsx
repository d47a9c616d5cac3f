// The quarterly report to the Strategy Group: choose a quarter of the year on the page and
// download the PDF or its figures as CSV (GET /api/indicators/report.pdf, report.csv). A quarter
// that has not started is refused by the server, in words shown beside the choice.
import { useState } from 'preact/hooks'
import { download } from '../../api/client.ts'
import { Field, Form } from '../../components/form.tsx'

const QUARTERS = ['January to March', 'April to June', 'July to September', 'October to December']

export function ReportForm ({ year, thisYear, thisQuarter }: { year: number; thisYear: number; thisQuarter: number }) {
  const [quarter, setQuarter] = useState(year === thisYear ? thisQuarter : 4)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const get = async (ext: 'pdf' | 'csv') => {
    setError(null)
    setBusy(true)
    try {
      await download(`/api/indicators/report.${ext}`, { year, quarter }, `nightsafe-strategy-group-${year}-q${quarter}.${ext}`)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Form class="form report-form no-print" onSubmit={() => get('pdf')} error={error} fieldIds={{ quarter: 'report-quarter' }} aria-labelledby="report-heading">
      <h2 id="report-heading">Quarterly report to the Strategy Group</h2>
      <p class="hint">Each priority's indicators for a quarter of {year} against the same quarter of {year - 1}, with charts and a sentence on each. The quarter in progress is marked "so far".</p>
      <Field id="report-quarter" name="quarter" label="Quarter" error={error}>
        <select id="report-quarter" name="quarter" value={quarter} onChange={e => { setError(null); setQuarter(Number(e.currentTarget.value)) }}>
          {QUARTERS.map((months, i) => <option key={months} value={i + 1}>{`Quarter ${i + 1}: ${months} ${year}`}</option>)}
        </select>
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy}>Download the report (PDF)</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => { void get('csv') }}>Download its figures (CSV)</button>
      </div>
    </Form>
  )
}
