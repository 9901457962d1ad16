import type { FigureKey } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FilterChips } from '@/components/filter-chips'
import { StatusView } from '@/components/status-view'
import { FIGURE_NAMES } from './strings'

export type Which = 'failing' | 'all'

/** The words a drill-down page uses for its two lists and their empty states. */
export interface DrillDownStrings {
  which: string
  failing: string
  all: string
  emptyFailing: string
  emptyFailingHint: string
  emptyAll: string
  emptyAllHint: string
  showAll: string
}

/** This page's own address, to come back to after signing in (Taro's timestamp left out). */
export const returnUrlOf = (page: string, params: Record<string, string | undefined>) =>
  `${page}?${Object.entries(params)
    .filter(([key]) => key !== '$taroTimestamp')
    .map(([key, value]) => `${key}=${value ?? ''}`)
    .join('&')}`

/** An empty list: none failing (with 查看全部), or none counted at all. */
export function DrillDownEmpty({ which, strings: S, onShowAll }: { which: Which; strings: DrillDownStrings; onShowAll: () => void }) {
  return which === 'failing' ? (
    <StatusView kind='empty' compact title={S.emptyFailing} description={S.emptyFailingHint} actionText={S.showAll} onAction={onShowAll} />
  ) : (
    <StatusView kind='empty' compact title={S.emptyAll} description={S.emptyAllHint} />
  )
}

/**
 * The frame of the pages a 网上考核 figure opens (its cases, its items): the figure as the title, what the
 * list is of, 未达标 / 全部, and the list.
 */
export function DrillDownPage(props: { className: string; figure: FigureKey; subtitle: string; which: Which; strings: DrillDownStrings; onWhich: (which: Which) => void; header?: ReactNode; children: ReactNode }) {
  const { strings: S } = props
  return (
    <View className={`inbox ${props.className}`}>
      <View className='inbox__header'>
        <View className='inbox__title' role='heading' aria-level={1}>
          {FIGURE_NAMES[props.figure].label}
        </View>
        <Text className='inbox__organisation'>{props.subtitle}</Text>
        {props.header}
      </View>
      <View className='inbox__filters'>
        <FilterChips
          label={S.which}
          options={[
            { value: 'failing', label: S.failing },
            { value: 'all', label: S.all },
          ]}
          value={props.which}
          onChange={(value) => value && props.onWhich(value as Which)}
        />
      </View>
      <View className='inbox__list'>{props.children}</View>
    </View>
  )
}
