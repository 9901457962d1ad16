import type { FieldDefinition, ImplementationItem, Region } from '@ah-tourism/shared'
import { Text } from '@tarojs/components'
import { Section } from '@/components/section'
import { chineseDate } from '@/features/catalog/labels'
import { useRegions } from '@/features/region/use-regions'
import { DetailRow } from './case-view'
import { CASE_VIEW_STRINGS as S } from './strings'

/** A declared field's value as read: dates in Chinese, regions by name. */
function fieldText(value: unknown, field: FieldDefinition | undefined, regions: Region[]): string {
  if (value === null || value === undefined || value === '') return '—'
  const text = String(value)
  if (field?.type === 'date') return chineseDate(text)
  if (field?.type === 'region') return regions.find((region) => region.code === text)?.name ?? text
  return text
}

/**
 * 申请信息: the item's own fields in the guide's order with the guide's labels; without the guide
 * (it could not be read) the raw keys are shown, so the case is still readable.
 */
export function CaseFields({ fields, item }: { fields: Record<string, unknown>; item: ImplementationItem | null }) {
  const declared = new Map((item?.applicationFields ?? []).map((field) => [field.key, field]))
  const keys = item ? item.applicationFields.map((f) => f.key).filter((key) => key in fields) : Object.keys(fields)
  const { state } = useRegions((item?.applicationFields ?? []).some((field) => field.type === 'region'))
  const regions = state.status === 'ready' ? state.regions : []
  if (!keys.length) return null
  return (
    <Section title={S.fields}>
      {keys.map((key) => (
        <DetailRow key={key} label={declared.get(key)?.label ?? key}>
          <Text>{fieldText(fields[key], declared.get(key), regions)}</Text>
        </DetailRow>
      ))}
    </Section>
  )
}
