import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { SwitchRow } from '@/components/form-field/switch-row'
import { setElderMode, useElderMode } from './store'
import { PREFERENCES_STRINGS as S } from './strings'
import './preferences.scss'

function switchTo(elderMode: boolean): void {
  setElderMode(elderMode)
  void Taro.showToast({ title: elderMode ? S.switchedOn : S.switchedOff, icon: 'none' })
}

/** The switch in home's header: a small pill that says which mode a tap turns on. */
export function ElderToggle() {
  const elderMode = useElderMode()
  return (
    <View
      className='elder-toggle'
      role='switch'
      aria-role='switch'
      aria-checked={elderMode ? 'true' : 'false'}
      // The spoken name starts with the words shown, so voice control users can say what they see.
      aria-label={elderMode ? S.toggleLabelOn : S.toggleLabel}
      hoverClass='elder-toggle--pressed'
      onClick={() => switchTo(!elderMode)}
    >
      <Text aria-hidden='true'>{elderMode ? S.toggleStandard : S.toggleElder}</Text>
    </View>
  )
}

/** 我的 › 显示设置: the same choice as a labelled switch. */
export function DisplaySettings() {
  const elderMode = useElderMode()
  return (
    <Section title={S.settingsTitle}>
      <SwitchRow title={S.switchTitle} note={S.switchNote} checked={elderMode} onChange={switchTo} />
    </Section>
  )
}
