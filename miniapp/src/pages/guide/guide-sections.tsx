import type { ImplementationItem } from '@ah-tourism/shared'
import { DEFAULT_CONSULTATION_WORKING_DAYS } from '@ah-tourism/shared/src/feedback/model'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { PhoneLink } from '@/components/phone-link'
import { Section } from '@/components/section'
import {
  CASE_TYPE_NAMES,
  chineseDate,
  HANDLING_FORM_NAMES,
  LEVEL_NAMES,
  onlineDepthName,
  RESULT_TYPE_NAMES,
  SERVICE_OBJECT_NAMES,
  workingDaysText,
} from '@/features/catalog/labels'
import { itemTypeName, themeName } from '@/features/catalog/reference'
import { InfoRow } from './info-row'
import { GuideFileDownload } from './guide-file'
import { MaterialList } from './material-list'
import { GUIDE_STRINGS as S } from './strings'

export interface GuideSectionsProps {
  item: ImplementationItem
  /** 常见问题, shown before the phone numbers (nothing when the item has none). */
  faq?: ReactNode
  /** 我要咨询: an online question to the organisation, offered beside the phone numbers. */
  onConsult?: () => void
}

/** Every field of the service guide, in the order a citizen needs them. */
export function GuideSections({ item, faq, onConsult }: GuideSectionsProps) {
  const { guide } = item
  const statutory = guide.statutoryLimit
  const themes = item.themes.map(themeName).filter(Boolean).join(S.listSeparator)

  return (
    <View>
      <Section title={S.materials} note={S.materialCount(guide.materials.length)}>
        <MaterialList materials={guide.materials} guide={item} />
      </Section>

      <Section title={S.conditions}>
        <View role='list'>
          {guide.conditions.map((condition, index) => (
            <View key={index} className='numbered' role='listitem'>
              <Text className='numbered__mark' aria-hidden='true'>{`${index + 1}.`}</Text>
              <Text className='numbered__text'>{condition}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title={S.process}>
        <View className='steps' role='list'>
          {guide.process.map((step, index) => (
            <View key={index} className='steps__step' role='listitem'>
              <View className='steps__rail' aria-hidden='true'>
                <Text className='steps__dot'>{index + 1}</Text>
                {index < guide.process.length - 1 ? <View className='steps__line' /> : null}
              </View>
              <View className='steps__body'>
                <Text className='steps__name'>
                  <Text className='visually-hidden'>{S.stepLabel(index + 1)}</Text>
                  {step.step}
                </Text>
                <Text className='steps__description'>{step.description}</Text>
              </View>
            </View>
          ))}
        </View>
      </Section>

      <Section title={S.timeLimits}>
        <InfoRow label={S.statutoryLimit}>
          <Text className='strong'>{statutory.workingDays === null ? S.noStatutoryLimit : workingDaysText(statutory.workingDays)}</Text>
          {statutory.note ? <Text className='note'>{statutory.note}</Text> : null}
        </InfoRow>
        <InfoRow label={S.promisedLimit}>
          <Text className='strong'>{workingDaysText(guide.promisedLimit.workingDays)}</Text>
          {guide.promisedLimit.note ? <Text className='note'>{guide.promisedLimit.note}</Text> : null}
        </InfoRow>
      </Section>

      <Section title={S.feesSection}>
        {guide.fees.charged ? (
          <>
            <InfoRow label={S.feeStandard}>
              <Text>{guide.fees.standard}</Text>
            </InfoRow>
            <InfoRow label={S.feeBasis}>
              <Text>{guide.fees.basis}</Text>
            </InfoRow>
          </>
        ) : (
          <Text className='strong'>{S.free}</Text>
        )}
      </Section>

      <Section title={S.handling}>
        <InfoRow label={S.handlingForms}>
          <Text>{guide.handlingForms.map((form) => HANDLING_FORM_NAMES[form]).join(S.listSeparator)}</Text>
        </InfoRow>
        <InfoRow label={S.onlineAvailable}>
          <Text>{guide.online.available ? S.yes : S.no}</Text>
        </InfoRow>
        <InfoRow label={S.onlineDepth}>
          <Text>{S.withNote(onlineDepthName(guide.online.depth), `${guide.online.depth}/4`)}</Text>
        </InfoRow>
        <InfoRow label={S.visitsRequired}>
          <Text>{guide.visitsRequired === 0 ? S.withNote(S.visitsValue(0), S.zeroVisitsTitle) : S.visitsValue(guide.visitsRequired)}</Text>
          {guide.negativeList.listed && guide.negativeList.reason ? <Text className='note'>{S.line(S.visitReason, guide.negativeList.reason)}</Text> : null}
        </InfoRow>
      </Section>

      <Section title={S.place}>
        <InfoRow label={S.address}>
          <Text>{guide.place.address}</Text>
        </InfoRow>
        <InfoRow label={S.hours}>
          <Text>{guide.place.hours}</Text>
        </InfoRow>
      </Section>

      {faq}

      <Section title={S.phones}>
        {onConsult ? (
          <View className='consult-entry'>
            <Text className='consult-entry__text'>{S.consultText(DEFAULT_CONSULTATION_WORKING_DAYS)}</Text>
            <ActionButton variant='secondary' size='sm' onTap={onConsult}>
              {S.consult}
            </ActionButton>
          </View>
        ) : null}
        <InfoRow label={S.consultPhone}>
          <View className='phones'>
            {guide.consultPhones.map((phone) => (
              <PhoneLink key={phone} phone={phone} purpose={S.consultPhone} />
            ))}
          </View>
        </InfoRow>
        <InfoRow label={S.complaintPhone}>
          <View className='phones'>
            {guide.complaintPhones.map((phone) => (
              <PhoneLink key={phone} phone={phone} purpose={S.complaintPhone} />
            ))}
          </View>
        </InfoRow>
      </Section>

      <Section title={S.legalBasis}>
        <View role='list'>
          {guide.legalBasis.map((basis, index) => (
            <View key={index} className={`basis${index === 0 ? ' basis--first' : ''}`} role='listitem'>
              <Text className='basis__law'>{`${basis.law} ${basis.articles}`}</Text>
              {basis.excerpt ? <Text className='basis__excerpt'>{basis.excerpt}</Text> : null}
            </View>
          ))}
        </View>
      </Section>

      <Section title={S.result}>
        <InfoRow label={S.resultName}>
          <Text>{guide.result.name}</Text>
        </InfoRow>
        <InfoRow label={S.resultType}>
          <Text>{RESULT_TYPE_NAMES[guide.result.type]}</Text>
        </InfoRow>
        {guide.result.sample ? (
          <InfoRow label={S.resultSample}>
            <GuideFileDownload guide={item} file={guide.result.sample} role='result_sample' />
          </InfoRow>
        ) : null}
      </Section>

      <Section title={S.basics}>
        <InfoRow label={S.itemType}>
          <Text>{itemTypeName(item.itemType)}</Text>
        </InfoRow>
        <InfoRow label={S.organisation}>
          <Text>{item.organisation.name}</Text>
        </InfoRow>
        <InfoRow label={S.level}>
          <Text>{LEVEL_NAMES[item.level]}</Text>
        </InfoRow>
        <InfoRow label={S.serviceObjects}>
          <Text>{guide.serviceObjects.map((object) => SERVICE_OBJECT_NAMES[object]).join(S.listSeparator)}</Text>
        </InfoRow>
        <InfoRow label={S.caseType}>
          <Text>{CASE_TYPE_NAMES[guide.caseType]}</Text>
        </InfoRow>
        <InfoRow label={S.scope}>
          <Text>{guide.scope}</Text>
        </InfoRow>
        {themes ? (
          <InfoRow label={S.themes}>
            <Text>{themes}</Text>
          </InfoRow>
        ) : null}
        <InfoRow label={S.implementationCode}>
          <Text className='code' userSelect>{item.implementationCode}</Text>
        </InfoRow>
        <InfoRow label={S.basicCode}>
          <Text className='code' userSelect>{item.basicCode}</Text>
        </InfoRow>
        <InfoRow label={S.version}>
          <Text>{S.versionValue(item.version, chineseDate(item.publishedAt))}</Text>
        </InfoRow>
      </Section>
    </View>
  )
}
