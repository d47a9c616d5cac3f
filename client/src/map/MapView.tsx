// The single bridge between Preact and Leaflet: creates the map once, hands it to onReady
// (where pages add their layers), and removes it on unmount.
import { useEffect, useRef } from 'preact/hooks'
import type L from 'leaflet'
import { createMap, type MapOptions } from './createMap.ts'

/** The map a page holds on to (pages name Leaflet's type through this module, never import it). */
export type MapHandle = L.Map

export interface MapViewProps extends MapOptions {
  onReady?: (map: L.Map) => void | (() => void)
  class?: string
  label?: string
}

export function MapView ({ onReady, class: className, label, ...options }: MapViewProps) {
  const element = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const map = createMap(element.current!, options)
    const cleanup = onReady?.(map)
    // Leaflet measures its container; re-measure once layout has settled.
    const timer = setTimeout(() => map.invalidateSize(), 50)
    return () => {
      clearTimeout(timer)
      if (typeof cleanup === 'function') cleanup()
      map.remove()
    }
  }, [])
  return <div ref={element} class={`map ${className ?? ''}`} role="region" aria-label={label ?? 'Map of the City of London'} data-testid="map" />
}
