// @fastify/helmet's options: the Content Security Policy and friends. Map tiles are the only
// images from elsewhere, so img-src allows exactly the tile server MAP_TILES names (a council's
// own server or OpenStreetMap); before, a fixed OpenStreetMap pattern blocked the default host.
import type { FastifyHelmetOptions } from '@fastify/helmet'

/**
 * The CSP source of a tile URL template: its scheme, host and port, with Leaflet's {s}
 * subdomain placeholder as the wildcard ("https://{s}.tile.example.org/…" → "https://*.tile.example.org").
 */
export function tileSource (template: string): string {
  const match = /^(https?:\/\/)([^/?#]+)/.exec(template)
  if (!match) throw new Error(`not a tile URL template: ${template}`)
  return match[1] + match[2]!.replace(/^\{s\}\./, '*.')
}

export function helmetOptions (mapTiles: string | null): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(mapTiles ? [tileSource(mapTiles)] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null
      }
    },
    crossOriginEmbedderPolicy: false
  }
}
