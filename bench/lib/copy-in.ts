// PostgreSQL COPY … FROM STDIN with the pg client alone (pg-copy-streams is not a dependency):
// a submittable query that answers CopyInResponse by sending the bytes, then CopyDone.
import pg from 'pg'

interface Connection { sendCopyFromChunk: (chunk: Buffer) => void; endCopyFrom: () => void; query: (text: string) => void }

class CopyIn {
  private resolve!: () => void
  private reject!: (error: Error) => void
  readonly done = new Promise<void>((resolve, reject) => { this.resolve = resolve; this.reject = reject })
  constructor (private readonly text: string, private readonly data: Buffer) {}
  submit (connection: Connection) { connection.query(this.text) }
  handleCopyInResponse (connection: Connection) {
    for (let i = 0; i < this.data.length; i += 64 * 1024) connection.sendCopyFromChunk(this.data.subarray(i, i + 64 * 1024))
    connection.endCopyFrom()
  }
  handleCommandComplete () {}
  // pg drops the active query on an error, so ReadyForQuery never reaches us after one.
  handleError (error: Error) { this.reject(error) }
  handleReadyForQuery () { this.resolve() }
  handleEmptyQuery () {}
  handleRowDescription () {}
  handleDataRow () {}
}

/** Runs `copy <table> from stdin …` with the given bytes. */
export async function copyFromBuffer (client: pg.Client, statement: string, data: Buffer): Promise<void> {
  const copy = new CopyIn(statement, data)
  await (client as unknown as { query: (q: unknown) => unknown }).query(copy)
  await copy.done
}
