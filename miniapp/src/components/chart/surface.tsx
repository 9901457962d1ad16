import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import uCharts from '@qiun/ucharts'
import { useEffect, useRef } from 'react'
import { chartOptions, type ChartData } from './options'

export interface ChartSurfaceProps {
  /** Element id of the canvas, unique on the page. */
  id: string
  data: ChartData
  height: number
  label: string
  /** Called with the index of the category under a tap (column charts: the bar). */
  onTapCategory?: (index: number) => void
}

interface CanvasHit {
  node?: { width: number; height: number; getContext: (kind: '2d') => unknown }
  width: number
  height: number
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return 2
  }
}

/**
 * Mini-program variant: a `<Canvas type='2d'>` whose node's context the library draws on, at the
 * device's pixel ratio. (H5: surface.h5.tsx, a plain canvas element.)
 */
export function ChartSurface({ id, data, height, label, onTapCategory }: ChartSurfaceProps) {
  const chart = useRef<{ getCurrentDataIndex: (event: unknown) => number | { index: number } } | null>(null)
  const key = JSON.stringify(data)

  useEffect(() => {
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: CanvasHit[] | null) => {
          const hit = result?.[0]
          if (cancelled || !hit?.node || !hit.width) return
          const ratio = pixelRatio()
          hit.node.width = hit.width * ratio
          hit.node.height = hit.height * ratio
          const context = hit.node.getContext('2d')
          chart.current = new uCharts({ ...chartOptions(data, { width: hit.width, height: hit.height, pixelRatio: ratio }), context, canvas2d: true })
        })
    })
    return () => {
      cancelled = true
    }
    // `key` stands for `data`: a new object with the same numbers does not redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, key])

  const tap = (event: unknown) => {
    if (!onTapCategory || !chart.current) return
    const found = chart.current.getCurrentDataIndex(event)
    const index = typeof found === 'number' ? found : found?.index
    if (typeof index === 'number' && index >= 0) onTapCategory(index)
  }

  return <Canvas id={id} type='2d' className='chart__canvas' style={{ height: `${height}px` }} aria-label={label} onTouchEnd={tap} />
}
