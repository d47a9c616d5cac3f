// autocannon as a promise, with the figures the bench and the load test report.
import autocannon from 'autocannon'

export interface LoadRequest { method?: string; path: string; headers?: Record<string, string>; body?: string }

export interface LoadResult {
  requests: number
  reqPerSec: number
  p50: number
  p99: number
  max: number
  errors: number
  timeouts: number
  non2xx: number
  statusCounts: Record<string, number>
}

export function runLoad (options: { url: string; connections: number; seconds: number; requests: LoadRequest[]; headers?: Record<string, string>; maxRequests?: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.seconds,
      ...(options.maxRequests ? { amount: options.maxRequests } : {}),
      timeout: 30,
      headers: options.headers,
      requests: options.requests.map(r => ({ method: (r.method ?? 'GET') as 'GET', path: r.path, headers: r.headers, body: r.body }))
    }, (error, result) => {
      if (error) return reject(error)
      const statusCounts: Record<string, number> = {}
      for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stat.count
      resolve({
        requests: result.requests.total,
        reqPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        statusCounts
      })
    })
  })
}
