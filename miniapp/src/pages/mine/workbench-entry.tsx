import { Text, View } from '@tarojs/components'
import { MINE_STRINGS as S } from './strings'

/** Staff only: the way into 工作台, above everything else a staff member has on 我的. */
export function WorkbenchEntry({ organisation, onOpen }: { organisation: string; onOpen: () => void }) {
  return (
    <View className='mine__workbench' role='link' aria-role='link' aria-label={S.workbench} hoverClass='mine__workbench--pressed' onClick={onOpen}>
      <View className='mine__workbench-mark' aria-hidden='true'>
        <Text>{S.workbenchMark}</Text>
      </View>
      <View className='mine__intro'>
        <Text className='mine__workbench-title'>{S.workbench}</Text>
        <Text className='mine__workbench-text'>{S.workbenchText(organisation)}</Text>
      </View>
      <Text className='mine__row-chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  )
}
