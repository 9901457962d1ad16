import type { RegisteredTourGuide, RegisteredTravelAgency, RegistryStatus } from '@ah-tourism/shared'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { agencyUrl } from './routes'
import { REGISTRY_STRINGS as S } from './strings'
import './registry.scss'

/** The registry's scope value for outbound tourism, highlighted among an agency's scopes. */
const OUTBOUND_SCOPE = '出境旅游业务' // i18n-exempt: a value the API sends, recognised rather than shown

/** 有效 in green; 已暂停 in amber; 已吊销, 已注销 and 已过期 in red: what a tourist must not book with. */
const TONE: Record<RegistryStatus, 'good' | 'warn' | 'danger'> = { valid: 'good', suspended: 'warn', revoked: 'danger', cancelled: 'danger', expired: 'danger' }

export function StatusBadge({ status, label, since }: { status: RegistryStatus; label: string; since?: string }) {
  return <Text className={`registry-status registry-status--${TONE[status]}`}>{since ? S.statusSince(label, since) : label}</Text>
}

/** A row of the card: label and value side by side, wrapping for large text. */
export function RegistryRow({ label, children }: { label: string; children: string }) {
  return (
    <View className='registry-row'>
      <Text className='registry-row__label'>{label}</Text>
      <Text className='registry-row__value' userSelect>
        {children}
      </Text>
    </View>
  )
}

/** An agency in the list; a tap opens its page with the branches and outlets it filed. */
export function AgencyCard({ agency }: { agency: RegisteredTravelAgency }) {
  return (
    <View
      className='registry-card'
      hoverClass='registry-card--pressed'
      onClick={() => void Taro.navigateTo({ url: agencyUrl(agency.number, agency.regionCode) })}
    >
      <View className='registry-card__main'>
        <View className='registry-card__top'>
          {/* The whole card takes the tap; the link (its spoken name holds the words shown) is the name. */}
          <Text className='registry-card__name' role='link' aria-role='link' aria-label={S.openAgencyLabel(agency.name)}>
            {agency.name}
          </Text>
          <StatusBadge status={agency.status} label={agency.statusLabel} />
        </View>
        <RegistryRow label={S.number}>{agency.number}</RegistryRow>
        <View className='registry-card__tags'>
          {agency.scope.map((scope) => (
            <Text key={scope} className={`registry-tag${scope === OUTBOUND_SCOPE ? ' registry-tag--primary' : ''}`}>
              {scope}
            </Text>
          ))}
        </View>
      </View>
      <Text className='registry-card__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  )
}

/** A guide in the list: the name as masked by the API, the number, what they guide in and for whom. */
export function GuideCard({ guide }: { guide: RegisteredTourGuide }) {
  return (
    <View className='registry-card' role='group' aria-label={`${guide.name} ${guide.number}`}>
      <View className='registry-card__main'>
        <View className='registry-card__top'>
          <Text className='registry-card__name'>{guide.name}</Text>
          <StatusBadge status={guide.status} label={guide.statusLabel} since={guide.statusChangedOn} />
        </View>
        <RegistryRow label={S.guideNumber}>{guide.number}</RegistryRow>
        <View className='registry-card__tags'>
          <Text className='registry-tag registry-tag--primary'>{guide.language}</Text>
          <Text className='registry-tag'>{S.guideLevel(guide.level)}</Text>
        </View>
        {guide.employer ? <RegistryRow label={S.employer}>{guide.employer}</RegistryRow> : null}
        {guide.validUntil ? <RegistryRow label={S.validUntil}>{guide.validUntil}</RegistryRow> : null}
      </View>
    </View>
  )
}
