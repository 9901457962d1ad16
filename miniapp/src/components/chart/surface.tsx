import { Canvas, ScrollView } from '@tarojs/components'
import Taro from '@tarojs/taro'
import uCharts from '@qiun/ucharts'
import { useEffect, useRef } from 'react'
import { chartOptions, drawingWidth, type ChartData } from './options'

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

/** The section's white card leaves the page's width less its margins and padding (design px). */
const CARD_INSET = 60

function windowInfo(): { width: number; pixelRatio: number } {
  try {
    const info = Taro.getWindowInfo()
    return { width: info.windowWidth || 375, pixelRatio: info.pixelRatio || 2 }
  } catch {
    return { width: 375, pixelRatio: 2 }
  }
}

/**
 * Mini-program variant: a `<Canvas type='2d'>` whose node's context the library draws on, at the
 * device's pixel ratio, inside a sideways ScrollView when the categories need more room than the
 * card has. (H5: surface.h5.tsx, a plain canvas element.)
 */
export function ChartSurface({ id, data, height, label, onTapCategory }: ChartSurfaceProps) {
  const chart = useRef<{ getCurrentDataIndex: (event: unknown) => number | { index: number } } | null>(null)
  const key = JSON.stringify(data)
  const width = drawingWidth(data, windowInfo().width - CARD_INSET)

  useEffect(() => {
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: CanvasHit[] | null) => {
          const hit = result?.[0]
          if (cancelled || !hit?.node || !hit.width) return
          const ratio = windowInfo().pixelRatio
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
  }, [id, key])

  const tap = (event: unknown) => {
    if (!onTapCategory || !chart.current) return
    const found = chart.current.getCurrentDataIndex(event)
    const index = typeof found === 'number' ? found : found?.index
    if (typeof index === 'number' && index >= 0) onTapCategory(index)
  }

  return (
    // A trend ends with the latest months: show those first when the chart is wider than the card.
    <ScrollView className='chart__scroller' scrollX enhanced showScrollbar={false} scrollLeft={data.kind === 'line' ? width : 0}>
      <Canvas id={id} type='2d' className='chart__canvas' style={{ width: `${width}px`, height: `${height}px` }} aria-label={label} onTouchEnd={tap} />
    </ScrollView>
  )
}
