import uCharts from '@qiun/ucharts'
import { useEffect, useRef } from 'react'
import { chartOptions, drawingWidth } from './options'
import type { ChartSurfaceProps } from './surface'

type Chart = { getCurrentDataIndex: (event: unknown) => number | { index: number } }

/**
 * H5 variant: a plain canvas element at the screen's pixel ratio, as wide as its box or wider (the box
 * then scrolls sideways) when the categories need more room. Once drawn it carries `data-drawn` (the
 * browser tests read its pixels after that).
 */
export function ChartSurface({ id, data, height, label, onTapCategory }: ChartSurfaceProps) {
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Chart | null>(null)
  const key = JSON.stringify(data)

  useEffect(() => {
    const element = canvas.current
    if (!element) return
    const width = drawingWidth(data, box.current?.clientWidth || 320)
    const ratio = window.devicePixelRatio || 1
    element.style.width = `${width}px`
    element.width = Math.round(width * ratio)
    element.height = Math.round(height * ratio)
    const context = element.getContext('2d')
    if (!context) return
    context.clearRect(0, 0, element.width, element.height)
    chart.current = new uCharts({ ...chartOptions(data, { width, height, pixelRatio: ratio }), context })
    // A trend ends with the latest months: show those first when the chart is wider than its box.
    if (box.current) box.current.scrollLeft = data.kind === 'line' ? box.current.scrollWidth : 0
    element.dataset.drawn = 'true'
    // `key` stands for `data`: a new object with the same numbers does not redraw.
  }, [key, height])

  const tap = (event: { clientX: number; clientY: number }) => {
    const element = canvas.current
    if (!onTapCategory || !chart.current || !element) return
    const rect = element.getBoundingClientRect()
    const found = chart.current.getCurrentDataIndex({ changedTouches: [{ x: event.clientX - rect.left, y: event.clientY - rect.top }] })
    const index = typeof found === 'number' ? found : found?.index
    if (typeof index === 'number' && index >= 0) onTapCategory(index)
  }

  return (
    // A chart wider than its box scrolls sideways: a tab stop, so it can be scrolled by keyboard too.
    <div ref={box} className='chart__scroller' tabIndex={0} role='group' aria-labelledby={id}>
      <canvas id={id} ref={canvas} className='chart__canvas' style={{ height: `${height}px` }} role='img' aria-label={label} onClick={tap} />
    </div>
  )
}
