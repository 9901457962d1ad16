import type { MyLicence } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { plainDate } from '@/features/feedback/format'
import { LICENCE_STRINGS as S } from './strings'
import './licence-view.scss'

const ACTION_OF = { suspended: 'suspend', revoked: 'revoke', cancelled: 'cancel' } as const

/**
 * Why a licence cannot be used, said first and plainly: revoked, cancelled or suspended (with the
 * reason, legal basis and date the issuer gave), or past its validity.
 */
export function WhyUnusable({ item }: { item: MyLicence }) {
  if (item.usable) return null
  const { status, licence, history } = item
  const action = status === 'valid' ? null : ACTION_OF[status]
  const entry = action ? [...history].reverse().find((h) => h.action === action) : undefined
  const title = status === 'valid' ? S.unusable.expired : S.unusable[status]
  return (
    <View className={`licence-why licence-why--${status === 'valid' || status === 'suspended' ? 'warn' : 'danger'}`} role='alert'>
      <Text className='licence-why__title'>{title}</Text>
      {status === 'valid' && licence.validUntil ? <Text className='licence-why__text'>{S.expiredOn(plainDate(licence.validUntil))}</Text> : null}
      {entry?.effectiveOn ? <Text className='licence-why__text'>{S.historyEffective(plainDate(entry.effectiveOn))}</Text> : null}
      {entry?.reason ? <Text className='licence-why__text'>{S.historyReason(entry.reason)}</Text> : null}
      {entry?.legalBasis ? <Text className='licence-why__text'>{S.historyBasis(entry.legalBasis)}</Text> : null}
      <Text className='licence-why__hint'>{S.unusableHint}</Text>
    </View>
  )
}
