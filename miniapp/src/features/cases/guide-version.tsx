import Taro from '@tarojs/taro'
import type { ImplementationItem } from '@ah-tourism/shared'
import { Text } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { guideVersionUrl } from '@/features/catalog/routes'
import { DetailRow } from './case-view'
import { chinaDate } from './format'
import { CASE_VIEW_STRINGS as S } from './strings'

/** The guide version a case was applied under, which it keeps whatever is published later; opens that version. */
export function GuideVersionSection({ implementationCode, version, item }: { implementationCode: string; version: number; item: ImplementationItem | null }) {
  const published = item?.version === version ? chinaDate(`${item.publishedAt}T04:00:00Z`) : null
  return (
    <Section title={S.guideVersion}>
      <DetailRow label={S.guideVersionLabel}>
        <Text>{published ? S.guideVersionPublished(version, published) : S.guideVersionValue(version)}</Text>
      </DetailRow>
      <Text className='case-note'>{S.guideVersionNote}</Text>
      <ActionButton variant='secondary' size='sm' label={S.openGuideVersionLabel(version)} onTap={() => void Taro.navigateTo({ url: guideVersionUrl(implementationCode, version) })}>
        {S.openGuideVersion}
      </ActionButton>
    </Section>
  )
}
