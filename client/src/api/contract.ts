// Types that tie a call of api() to the generated OpenAPI paths (openapi.ts): the path must be a
// documented route for the method, the JSON body must be that route's body, query keys must be
// its query parameters, and the answer is typed as its 2xx response. Paths are matched segment
// by segment, so `/api/premises/${id}/plans` is an instance of /api/premises/{id}/plans.
import type { paths } from './openapi.ts'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | undefined | null | (string | number)[]

export interface CallOptions {
  method?: HttpMethod
  query?: Record<string, QueryValue>
  body?: unknown
  signal?: AbortSignal
  /** Raw body (a File or text) sent with its own content type, e.g. a CSV upload. */
  raw?: BodyInit
  contentType?: string
}

type Path = keyof paths & string
type Segments<P extends string> = P extends `${infer Head}/${infer Rest}` ? [Head, ...Segments<Rest>] : [P]
type SegmentMatches<Actual extends string, Template extends string> =
  Template extends `{${string}}` ? true : [Actual] extends [Template] ? true : false
type Matches<A extends string[], T extends string[]> =
  A extends [infer AH extends string, ...infer AR extends string[]]
    ? T extends [infer TH extends string, ...infer TR extends string[]]
      ? SegmentMatches<AH, TH> extends true ? Matches<AR, TR> : false
      : false
    : T extends [] ? true : false

type Pattern<P extends string> = P extends `${infer A}{${string}}${infer B}` ? `${A}${string}${Pattern<B>}` : P
/** Any documented path with its parameters filled in (what api() may be called with). */
export type ApiPathPattern = { [K in Path]: Pattern<K> }[Path]

/** The documented path (`/api/premises/{id}`) a concrete path (`/api/premises/${number}`) is an instance of. */
export type PathOf<P extends string> = P extends Path
  ? P
  : { [K in Path]: Matches<Segments<P>, Segments<K>> extends true ? K : never }[Path]

/** The method a call uses: the one given, else POST when it sends a body, else GET (as api() does). */
export type MethodOf<O> = O extends { method: infer M extends HttpMethod }
  ? Lowercase<M>
  : O extends { body: unknown } | { raw: unknown } ? 'post' : 'get'

type Operation<P extends string, O> = PathOf<P> extends infer K extends Path
  ? MethodOf<O> extends infer M extends keyof paths[K] ? NonNullable<paths[K][M]> : never
  : never

type JsonBodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never
type SuccessOf<R> = { [S in keyof R]: S extends 200 | 201 | 202 ? R[S] : never }[keyof R]

/** What a 2xx answer of the call holds: the JSON body, or the text of a download. */
export type ResponseOf<P extends string, O> = Operation<P, O> extends { responses: infer R }
  ? SuccessOf<R> extends infer S
    ? S extends { content: { 'application/json': infer T } } ? T
      : S extends { content: infer C } ? C[keyof C]
        : unknown
    : never
  : never

/** The options a call may pass: the route's JSON body, and query keys the route declares. */
export type OptionsFor<P extends string, O> = [Operation<P, O>] extends [never]
  ? { __error: `No ${Uppercase<MethodOf<O> & string>} route for ${P} in the API` }
  : CallOptions
    & (O extends { body: unknown } ? { body: JsonBodyOf<Operation<P, O>> } : unknown)
    & (O extends { query: infer Q } ? { query: { [K in keyof Q]: K extends keyof QueryOf<Operation<P, O>> ? QueryValue : never } } : unknown)

/** The JSON body a route takes, e.g. `BodyOf<'/api/incidents', 'post'>`. */
export type BodyOf<K extends Path, M extends keyof paths[K]> = JsonBodyOf<NonNullable<paths[K][M]>>
