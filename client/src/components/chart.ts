// uPlot draws at a width in pixels; a chart must still fit a phone, a rotated screen or a resized
// window, so each chart follows the width of its box.
import type uPlot from 'uplot'

/** Keeps the chart as wide as its box (up to `max`); returns the function that stops it. */
export function fitWidth (plot: uPlot, box: HTMLElement, max = 1000): () => void {
  const fit = () => {
    const width = Math.min(box.clientWidth, max)
    if (width > 0 && Math.abs(width - plot.width) > 1) plot.setSize({ width, height: plot.height })
  }
  const observer = new ResizeObserver(fit)
  observer.observe(box)
  fit()
  return () => observer.disconnect()
}
