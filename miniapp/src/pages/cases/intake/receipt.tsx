import Taro from '@tarojs/taro'
import type { HallIntakeReceipt } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { DetailRow } from '@/features/cases/case-view'
import { chinaDate, chinaDateTime } from '@/features/cases/format'
import { staffCaseUrl } from '@/features/staff/routes'
import { INTAKE_STRINGS as S } from './strings'

/** 受理回执: what the person takes home — the case number and the one-time claim code, and how to claim. */
export function Receipt({ receipt, onAgain }: { receipt: HallIntakeReceipt; onAgain: () => void }) {
  const R = S.receiptRows
  return (
    <Section title={S.receipt} note={S.receiptNote} id='intake-receipt'>
      <View className='intake__receipt' role='region' aria-label={S.receipt}>
        <DetailRow label={R.caseNumber}>
          <Text className='case-header__number' userSelect>
            {receipt.caseNumber}
          </Text>
        </DetailRow>
        <DetailRow label={R.claimCode}>
          <Text className='intake__code' userSelect>
            {receipt.claimCode}
          </Text>
        </DetailRow>
        <DetailRow label={R.item}>
          <Text>{receipt.itemName}</Text>
        </DetailRow>
        <DetailRow label={R.organisation}>
          <Text>{receipt.organisationName}</Text>
        </DetailRow>
        <DetailRow label={R.applicant}>
          <Text>{receipt.applicantName}</Text>
        </DetailRow>
        <DetailRow label={R.submittedAt}>
          <Text>{chinaDateTime(receipt.submittedAt)}</Text>
        </DetailRow>
        <DetailRow label={R.channel}>
          <Text>{receipt.channelLabel}</Text>
        </DetailRow>
        <DetailRow label={R.enteredBy}>
          <Text>{receipt.enteredBy}</Text>
        </DetailRow>
        <Text className='intake__subtitle'>{S.receiptMaterials}</Text>
        <View role='list'>
          {receipt.materials.map((m) => (
            <View key={m.name} role='listitem' className='intake__material'>
              <Text>{S.receiptMaterial(m.name, m.how)}</Text>
            </View>
          ))}
        </View>
        <Text className='intake__howto'>{S.claimHowTo}</Text>
        <Text className='intake__howto'>{receipt.claimed ? S.claimed : S.claimValidity(chinaDate(receipt.claimExpiresAt))}</Text>
      </View>
      <View className='case-buttons'>
        <ActionButton variant='secondary' onTap={() => void Taro.navigateTo({ url: staffCaseUrl(receipt.caseNumber) })}>
          {S.openCase}
        </ActionButton>
        <ActionButton onTap={onAgain}>{S.again}</ActionButton>
      </View>
    </Section>
  )
}
