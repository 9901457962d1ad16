import { useRouter } from '@tarojs/taro'
import type { AgencyFiling, RegisteredTravelAgencyDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { getAgency } from '@/features/registry/api'
import { RegistryRow, StatusBadge } from '@/features/registry/registry-cards'
import { REGISTRY_STRINGS as S } from '@/features/registry/strings'
import { AGENCY_STRINGS } from './strings'
import { useRemote } from '@/hooks/use-remote'
import { usePageTitle } from '@/i18n/page-title'

function Filings({ title, empty, filings }: { title: string; empty: string; filings: AgencyFiling[] }) {
  return (
    <Section title={title} note={filings.length ? `${filings.length}` : undefined}>
      {filings.length ? (
        <View role='list'>
          {filings.map((filing) => (
            <View key={`${filing.receiptNumber}-${filing.name}`} className='registry-detail__filing' role='listitem'>
              <Text className='registry-detail__filing-name'>{filing.name}</Text>
              <RegistryRow label={S.address}>{filing.address}</RegistryRow>
              <RegistryRow label={S.filedOn}>{filing.filedOn}</RegistryRow>
              <RegistryRow label={S.filedWith}>{filing.filedWith}</RegistryRow>
              <RegistryRow label={S.receipt}>{filing.receiptNumber}</RegistryRow>
            </View>
          ))}
        </View>
      ) : (
        <Text className='registry-detail__none'>{empty}</Text>
      )}
    </Section>
  )
}

function AgencyDetail({ agency }: { agency: RegisteredTravelAgencyDetail }) {
  return (
    <>
      <View className='registry-detail__header'>
        <View className='registry-detail__name' role='heading' aria-level={1}>
          {agency.name}
        </View>
        <View>
          <StatusBadge status={agency.status} label={agency.statusLabel} since={agency.statusChangedOn} />
        </View>
      </View>
      <Section title={S.licence}>
        <View className='registry-detail__rows'>
          <RegistryRow label={S.number}>{agency.number}</RegistryRow>
          <RegistryRow label={S.scope}>{agency.scope.join(AGENCY_STRINGS.listSeparator)}</RegistryRow>
          <RegistryRow label={S.creditCode}>{agency.creditCode}</RegistryRow>
          {agency.address ? <RegistryRow label={S.address}>{agency.address}</RegistryRow> : null}
          <RegistryRow label={S.issuer}>{agency.issuerName}</RegistryRow>
          <RegistryRow label={S.licensedOn}>{agency.licensedOn}</RegistryRow>
        </View>
      </Section>
      <Filings title={S.branches} empty={S.noBranches} filings={agency.branches} />
      <Filings title={S.outlets} empty={S.noOutlets} filings={agency.outlets} />
      <Text className='registry-detail__note'>{S.detailNote}</Text>
    </>
  )
}

/** 旅行社详情: pages/registry/agency/index?number=<许可证编号>&region=<城市>, no sign-in. */
export default function AgencyPage() {
  usePageTitle()
  const { params } = useRouter()
  const number = decodeURIComponent(params.number ?? '')
  const region = decodeURIComponent(params.region ?? '')
  const load = useCallback(() => getAgency(number, region), [number, region])
  const { remote, reload } = useRemote(load, `${number}|${region}`)

  return (
    <View className='registry-page'>
      {remote.status === 'loading' ? <StatusView kind='loading' title={S.detailLoading} /> : null}
      {remote.status === 'error' ? (
        <StatusView
          kind='error'
          title={remote.error.message}
          description={remote.error.status === 429 ? S.rateLimitedHint : undefined}
          actionText={S.retry}
          actionLabel={S.retryLabel}
          onAction={reload}
        />
      ) : null}
      {remote.status === 'ready' ? <AgencyDetail agency={remote.data} /> : null}
    </View>
  )
}
