// bngBoundsOf: the BNG rectangle for a lng/lat bbox must hold every point of the bbox, even
// where the bbox's edges curve in BNG (a large bbox), so that the index filter loses nothing.
import t from 'tap'
import { bngBoundsOf, lngLatToBng } from '../../server/geo/bng.ts'

t.test('every point of a bbox lies inside its BNG bounds, small or large', async t => {
  for (const bbox of [[-0.1138, 51.5065, -0.0727, 51.5233], [-8, 49.9, 1.8, 58.7]] as [number, number, number, number][]) {
    const bounds = bngBoundsOf(bbox)
    let outside = 0
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const p = lngLatToBng(bbox[0] + (bbox[2] - bbox[0]) * i / 40, bbox[1] + (bbox[3] - bbox[1]) * j / 40)
        if (p.easting < bounds.minE || p.easting > bounds.maxE || p.northing < bounds.minN || p.northing > bounds.maxN) outside++
      }
    }
    t.equal(outside, 0, `no point of ${bbox.join(',')} falls outside`)
  }
})
