import type { Region } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup/index'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import { useState } from 'react'
import { StatusView } from '@/components/status-view'
import { appStore, useAppState, type RegionChoice } from '@/store/app-store'
import { REGION_STRINGS as S } from './strings'
import { useRegions } from './use-regions'
import './region-switcher.scss'

export interface RegionSwitcherProps {
  /** light: on the blue home banner; plain: on a white bar. */
  tone?: 'light' | 'plain'
  /**
   * A page's own region (e.g. a registry's city), changed without touching the app's chosen region;
   * without it the switcher shows and sets the app's region.
   */
  value?: RegionChoice
  onChange?: (choice: RegionChoice) => void
  /** What choosing does, under the sheet's title. */
  hint?: string
}

/** Shows the chosen region; a tap opens a sheet with the province and its 16 cities. */
export function RegionSwitcher({ tone = 'plain', value, onChange, hint }: RegionSwitcherProps) {
  const appRegion = useAppState((state) => state.region)
  const region = value ?? appRegion
  const [open, setOpen] = useState(false)
  const { state, reload } = useRegions(open)

  const choose = (choice: Region) => {
    if (onChange) onChange({ code: choice.code, name: choice.name })
    else appStore.setRegion({ code: choice.code, name: choice.name })
    setOpen(false)
  }

  const option = (choice: Region, wide: boolean) => {
    const selected = choice.code === region.code
    return (
      <View
        key={choice.code}
        className={`region-sheet__option${wide ? ' region-sheet__option--wide' : ''}${selected ? ' region-sheet__option--selected' : ''}`}
        role='radio'
        aria-role='radio'
        aria-checked={selected ? 'true' : 'false'}
        aria-label={choice.name}
        onClick={() => choose(choice)}
      >
        <Text>{choice.name}</Text>
        {selected ? <Text className='region-sheet__check' aria-hidden='true'>✓</Text> : null}
      </View>
    )
  }

  const renderBody = () => {
    if (state.status === 'error') {
      return <StatusView kind='error' compact title={state.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    if (state.status !== 'ready') return <StatusView kind='loading' compact title={S.loading} />
    const province = state.regions.filter((r) => r.level === 'province')
    const cities = state.regions.filter((r) => r.level !== 'province')
    return (
      <View role='radiogroup' aria-label={S.sheetTitle}>
        <Text className='region-sheet__group'>{S.province}</Text>
        <View className='region-sheet__grid'>{province.map((r) => option(r, true))}</View>
        <Text className='region-sheet__group'>{S.cities}</Text>
        <View className='region-sheet__grid'>{cities.map((r) => option(r, false))}</View>
      </View>
    )
  }

  return (
    <>
      <View
        className={`region-switcher region-switcher--${tone}`}
        role='button'
        aria-role='button'
        aria-label={S.triggerLabel(region.name)}
        aria-haspopup='dialog'
        hoverClass='region-switcher--pressed'
        onClick={() => setOpen(true)}
      >
        <Text className='region-switcher__pin' aria-hidden='true'>◉</Text>
        <Text className='region-switcher__name'>{region.name}</Text>
        <Text className='region-switcher__caret' aria-hidden='true'>▾</Text>
      </View>
      <Popup
        visible={open}
        position='bottom'
        round
        zIndex={2000}
        // H5 pages are stacking contexts below the tab bar: render the sheet on <body> instead.
        // (Compile-time constant: the weapp bundle keeps only `undefined`.)
        portal={process.env.TARO_ENV === 'h5' ? document.body : undefined}
        onClose={() => setOpen(false)}
        className='region-sheet'
      >
        <View className='region-sheet__panel' role='dialog' aria-modal='true' aria-label={S.sheetTitle}>
          <View className='region-sheet__header'>
            <View className='region-sheet__titles'>
              <View className='region-sheet__title' role='heading' aria-level={2}>{S.sheetTitle}</View>
              <Text className='region-sheet__hint'>{hint ?? S.sheetHint}</Text>
            </View>
            <View className='region-sheet__close' role='button' aria-role='button' aria-label={S.closeLabel} onClick={() => setOpen(false)}>
              <Text aria-hidden='true'>✕</Text>
            </View>
          </View>
          <View className='region-sheet__body'>{renderBody()}</View>
        </View>
      </Popup>
    </>
  )
}
