// The few autocannon types the bench and load test use (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: { method?: string; path: string; headers?: Record<string, string>; body?: string }[]
  }
  interface Histogram { average: number; p50: number; p99: number; max: number; total: number }
  interface Result {
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats?: Record<string, { count: number }>
  }
  function autocannon (options: Options, callback: (error: Error | null, result: Result) => void): unknown
  export default autocannon
}
