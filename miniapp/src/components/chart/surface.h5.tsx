import uCharts from '@qiun/ucharts'
import { useEffect, useRef } from 'react'
import { chartOptions } from './options'
import type { ChartSurfaceProps } from './surface'

type Chart = { getCurrentDataIndex: (event: unknown) => number | { index: number } }

/**
 * H5 variant: a plain canvas element sized to its box at the screen's pixel ratio. Once drawn it
 * carries `data-drawn` (the browser tests read its pixels after that).
 */
export function ChartSurface({ id, data, height, label, onTapCategory }: ChartSurfaceProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<Chart | null>(null)
  const key = JSON.stringify(data)

  useEffect(() => {
    const element = canvas.current
    if (!element) return
    const width = element.clientWidth || element.parentElement?.clientWidth || 320
    const ratio = window.devicePixelRatio || 1
    element.width = Math.round(width * ratio)
    element.height = Math.round(height * ratio)
    const context = element.getContext('2d')
    if (!context) return
    context.clearRect(0, 0, element.width, element.height)
    chart.current = new uCharts({ ...chartOptions(data, { width, height, pixelRatio: ratio }), context })
    element.dataset.drawn = 'true'
    // `key` stands for `data`: a new object with the same numbers does not redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, height])

  const tap = (event: { clientX: number; clientY: number }) => {
    const element = canvas.current
    if (!onTapCategory || !chart.current || !element) return
    const box = element.getBoundingClientRect()
    const found = chart.current.getCurrentDataIndex({ changedTouches: [{ x: event.clientX - box.left, y: event.clientY - box.top }] })
    const index = typeof found === 'number' ? found : found?.index
    if (typeof index === 'number' && index >= 0) onTapCategory(index)
  }

  return <canvas id={id} ref={canvas} className='chart__canvas' style={{ height: `${height}px` }} role='img' aria-label={label} onClick={tap} />
}
