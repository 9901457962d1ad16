import type { LicencePayload, MyLicence } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { Section } from '@/components/section'
import { DetailRow } from '@/features/cases/case-view'
import { chinaDate } from '@/features/cases/format'
import { plainDate } from '@/features/feedback/format'
import { LICENCE_STRINGS as S, type Tone } from './strings'
import './licence-view.scss'

/** A state or verdict as a coloured badge (有效, 已吊销, 真实有效…). */
export function StatusBadge({ label, tone, large = false }: { label: string; tone: Tone; large?: boolean }) {
  return <Text className={`licence-badge licence-badge--${tone}${large ? ' licence-badge--large' : ''}`}>{label}</Text>
}

export function validityText(licence: Pick<LicencePayload, 'validFrom' | 'validUntil'>): string {
  return licence.validUntil ? S.validityRange(plainDate(licence.validFrom), plainDate(licence.validUntil)) : S.validityFrom(plainDate(licence.validFrom))
}

/** Everything a licence says, as signed: type, number, holder, issuer, dates, scope and registered details. */
export function LicenceContent({ licence }: { licence: LicencePayload }) {
  const { holder } = licence
  return (
    <View className='licence-content'>
      <DetailRow label={S.typeName}>
        <Text className='licence-content__strong'>{licence.typeName}</Text>
      </DetailRow>
      <DetailRow label={S.number}>
        <Text className='licence-content__number' userSelect>
          {licence.number}
        </Text>
      </DetailRow>
      <DetailRow label={holder.kind === 'enterprise' ? S.holderEnterprise : S.holder}>
        <Text className='licence-content__strong'>{holder.name}</Text>
      </DetailRow>
      <DetailRow label={S.holderCode[holder.kind]}>
        <Text className='licence-content__number'>{holder.code}</Text>
      </DetailRow>
      <DetailRow label={S.validity}>
        <Text>{validityText(licence)}</Text>
      </DetailRow>
      <DetailRow label={S.scope}>
        <Text>{licence.scope.join(S.listSeparator)}</Text>
      </DetailRow>
      {Object.entries(licence.details).map(([label, value]) => (
        <DetailRow key={label} label={label}>
          <Text>{value}</Text>
        </DetailRow>
      ))}
      <DetailRow label={S.issuer}>
        <Text>{licence.issuer.name}</Text>
      </DetailRow>
      <DetailRow label={S.issuedOn}>
        <Text>{plainDate(licence.issuedOn)}</Text>
      </DetailRow>
      <DetailRow label={S.version}>
        <Text>{S.versionText(licence.version)}</Text>
      </DetailRow>
      <DetailRow label={S.caseNumber}>
        <Text className='licence-content__number' userSelect>
          {licence.caseNumber}
        </Text>
      </DetailRow>
    </View>
  )
}

/** 变更记录, newest first: what was done, to which version, when it took effect, why and on what legal basis. */
export function LicenceHistory({ history }: { history: MyLicence['history'] }) {
  return (
    <Section title={S.history}>
      <View className='licence-history' role='list'>
        {[...history].reverse().map((entry, index) => (
          <View key={`${entry.at}-${index}`} className='licence-history__entry' role='listitem'>
            <View className={`licence-history__dot${index === 0 ? ' licence-history__dot--latest' : ''}`} aria-hidden='true' />
            <View className='licence-history__body'>
              <Text className='licence-history__action'>{`${S.historyActions[entry.action] ?? entry.action} · ${S.historyVersion(entry.version)}`}</Text>
              <Text className='licence-history__meta'>{entry.effectiveOn ? S.historyEffective(plainDate(entry.effectiveOn)) : chinaDate(entry.at)}</Text>
              {entry.reason ? <Text className='licence-history__text'>{S.historyReason(entry.reason)}</Text> : null}
              {entry.legalBasis ? <Text className='licence-history__text'>{S.historyBasis(entry.legalBasis)}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </Section>
  )
}
