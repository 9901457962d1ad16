import type { ImplementationItem } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { CASE_TYPE_NAMES, onlineDepthName, workingDaysText } from '@/features/catalog/labels'
import { itemTypeName } from '@/features/catalog/reference'
import { GUIDE_STRINGS as S } from './strings'

/** Name, organisation and the facts people look for first: time, visits, fees, online or not. */
export function GuideHeader({ item }: { item: ImplementationItem }) {
  const { guide } = item
  const statutory = guide.statutoryLimit.workingDays === null ? S.noStatutoryLimit : workingDaysText(guide.statutoryLimit.workingDays)
  const zeroVisits = guide.visitsRequired === 0 && !guide.negativeList.listed
  const facts = [
    { label: S.promisedLimit, value: workingDaysText(guide.promisedLimit.workingDays) },
    { label: S.statutoryLimit, value: statutory },
    { label: S.visits, value: S.visitsValue(guide.visitsRequired) },
    { label: S.fees, value: guide.fees.charged ? S.charged : S.free },
  ]

  return (
    <View className='guide-header'>
      <View className='guide-header__card'>
        <View className='guide-header__name' role='heading' aria-level={1}>{item.name}</View>
        <View className='guide-header__tags'>
          <Text className='guide-header__tag'>{itemTypeName(item.itemType)}</Text>
          <Text className='guide-header__tag'>{CASE_TYPE_NAMES[guide.caseType]}</Text>
          <Text className={`guide-header__tag${guide.online.depth === 4 ? ' guide-header__tag--good' : ''}`}>{onlineDepthName(guide.online.depth)}</Text>
        </View>
        <Text className='guide-header__organisation'>{S.line(S.organisation, item.organisation.name)}</Text>

        <View className='guide-header__facts' role='list'>
          {facts.map((fact, index) => (
            <View key={fact.label} className={`guide-header__fact guide-header__fact--${index}`} role='listitem'>
              <Text className='guide-header__fact-label'>{fact.label}</Text>
              <Text className='guide-header__fact-value'>{fact.value}</Text>
            </View>
          ))}
        </View>
      </View>

      {zeroVisits ? (
        <View className='guide-header__visits guide-header__visits--online' role='note'>
          <Text className='guide-header__visits-title'>{S.zeroVisitsTitle}</Text>
          <Text className='guide-header__visits-text'>{S.zeroVisitsText}</Text>
        </View>
      ) : (
        <View className='guide-header__visits guide-header__visits--visit' role='note'>
          <Text className='guide-header__visits-title'>{S.visitTitle(Math.max(guide.visitsRequired, 1))}</Text>
          {guide.negativeList.reason ? <Text className='guide-header__visits-text'>{S.line(S.visitReason, guide.negativeList.reason)}</Text> : null}
        </View>
      )}
    </View>
  )
}
