import Taro, { useRouter } from '@tarojs/taro'
import type { CaseDetail, FieldDefinition, ImplementationItem, Region } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { CASE_STATUSES, type CaseStatus } from '@ah-tourism/shared/src/cases/status'
import { useCallback, useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { getItem } from '@/features/catalog/api'
import { chineseDate } from '@/features/catalog/labels'
import { getCase, getDownloadLink } from '@/features/cases/api'
import { StatusTag } from '@/features/cases/case-card'
import { chinaDateTime, fileSizeText } from '@/features/cases/format'
import { openDownloadedFile } from '@/features/cases/open-file'
import { openMineTab, readParam } from '@/features/cases/routes'
import { useRegions } from '@/features/region/use-regions'
import { useRemote } from '@/hooks/use-remote'
import { toApiError } from '@/services/api-error'
import { DETAIL_STRINGS as S } from './strings'
import './index.scss'

interface Loaded {
  detail: CaseDetail
  /** For the field labels; the case still shows (with the raw keys) if the guide cannot be read. */
  item: ImplementationItem | null
}

async function loadCase(caseNumber: string): Promise<Loaded> {
  const detail = await getCase(caseNumber)
  const item = await getItem(detail.implementationCode).catch(() => null)
  return { detail, item }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='detail-row'>
      <Text className='detail-row__label'>{label}</Text>
      <View className='detail-row__value'>{children}</View>
    </View>
  )
}

/** A declared field's value as read: dates in Chinese, regions by name. */
function fieldText(value: unknown, field: FieldDefinition | undefined, regions: Region[]): string {
  if (value === null || value === undefined || value === '') return '—'
  const text = String(value)
  if (field?.type === 'date') return chineseDate(text)
  if (field?.type === 'region') return regions.find((region) => region.code === text)?.name ?? text
  return text
}

/**
 * 办件详情: pages/cases/detail/index?caseNumber=<办件编号> (`no` is accepted too, as message links
 * may carry it), the applicant's own case only.
 */
export default function CaseDetailPage() {
  const { params } = useRouter()
  const caseNumber = readParam(params.caseNumber ?? params.no)
  const load = useCallback(() => loadCase(caseNumber), [caseNumber])
  const { remote, reload } = useRemote(load, caseNumber)
  const [downloading, setDownloading] = useState<string | null>(null)
  const hasRegionField = remote.status === 'ready' && (remote.data.item?.applicationFields ?? []).some((field) => field.type === 'region')
  const { state: regionState } = useRegions(hasRegionField)
  const regions = regionState.status === 'ready' ? regionState.regions : []

  const download = async (materialId: string, index: number, contentType: string) => {
    const id = `${materialId}/${index}`
    if (downloading) return
    setDownloading(id)
    try {
      const link = await getDownloadLink(caseNumber, materialId, index)
      await openDownloadedFile(link, contentType)
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
    } finally {
      setDownloading(null)
    }
  }

  if (!caseNumber) return <StatusView kind='error' title={S.missingNumber} actionText={S.toMine} onAction={openMineTab} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    return error.code === 'CASE_NOT_FOUND' || error.code === 'COMMON_NOT_FOUND' ? (
      <StatusView kind='empty' title={error.message} actionText={S.toMine} onAction={openMineTab} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const { detail, item } = remote.data
  const { applicant } = detail
  const status = CASE_STATUSES[detail.status as CaseStatus]
  const declared = new Map((item?.applicationFields ?? []).map((field) => [field.key, field]))
  const fieldKeys = item ? item.applicationFields.map((f) => f.key).filter((key) => key in detail.fields) : Object.keys(detail.fields)
  // In the guide's order, as the applicant saw them when applying.
  const guideOrder = (item?.guide.materials ?? []).map((m) => m.id)
  const rank = (id: string) => (guideOrder.includes(id) ? guideOrder.indexOf(id) : guideOrder.length)
  const materials = [...detail.materials].sort((a, b) => rank(a.materialId) - rank(b.materialId))

  return (
    <View className='case-detail'>
      <View className='case-detail__header'>
        <View className='case-detail__top'>
          <View className='case-detail__title' role='heading' aria-level={1}>
            {detail.itemName}
          </View>
          <StatusTag status={detail.status} label={detail.statusLabel} />
        </View>
        {status ? <Text className='case-detail__hint'>{status.applicantHint}</Text> : null}
        <Row label={S.caseNumber}>
          <Text className='case-detail__number' userSelect>
            {detail.caseNumber}
          </Text>
        </Row>
        <Row label={S.organisation}>
          <Text>{detail.organisationName}</Text>
        </Row>
        <Row label={S.submittedAt}>
          <Text>{chinaDateTime(detail.submittedAt)}</Text>
        </Row>
      </View>

      <Section title={S.applicant}>
        <Row label={S.kind}>
          <Text>{S.kindNames[applicant.kind]}</Text>
        </Row>
        <Row label={applicant.kind === 'enterprise' ? S.enterpriseName : S.personName}>
          <Text>{applicant.name}</Text>
        </Row>
        <Row label={S.idNumber[applicant.kind]}>
          <Text className='case-detail__number'>{applicant.idNumberMasked}</Text>
        </Row>
        {applicant.mobileMasked ? (
          <Row label={S.mobile}>
            <Text>{applicant.mobileMasked}</Text>
          </Row>
        ) : null}
        {applicant.agentName ? (
          <Row label={S.agent[applicant.kind]}>
            <Text>{applicant.agentName}</Text>
          </Row>
        ) : null}
        <Text className='case-detail__note'>{S.masked}</Text>
      </Section>

      {fieldKeys.length ? (
        <Section title={S.fields}>
          {fieldKeys.map((key) => (
            <Row key={key} label={declared.get(key)?.label ?? key}>
              <Text>{fieldText(detail.fields[key], declared.get(key), regions)}</Text>
            </Row>
          ))}
        </Section>
      ) : null}

      <Section title={S.materials}>
        <View className='case-detail__materials' role='list'>
          {materials.map((material) => (
            <View key={material.materialId} className='case-material' role='listitem'>
              <Text className='case-material__name'>{material.name}</Text>
              {material.source === 'issued_licence' ? (
                <View className='case-material__licence'>
                  <Text className='case-material__licence-title'>{S.fromLicence}</Text>
                  {material.licenceName ? <Text className='case-material__text'>{S.licence(material.licenceName)}</Text> : null}
                </View>
              ) : material.files.length ? (
                material.files.map((file) => {
                  const busy = downloading === `${material.materialId}/${file.index}`
                  return (
                    <View key={file.index} className='case-material__file'>
                      <View className='case-material__file-info'>
                        <Text className='case-material__file-name'>{file.fileName}</Text>
                        <Text className='case-material__text'>{fileSizeText(file.size)}</Text>
                      </View>
                      <ActionButton
                        variant='secondary'
                        size='sm'
                        label={S.downloadLabel(file.fileName)}
                        disabled={downloading !== null}
                        onTap={() => void download(material.materialId, file.index, file.contentType)}
                      >
                        {busy ? S.downloading : S.download}
                      </ActionButton>
                    </View>
                  )
                })
              ) : (
                <Text className='case-material__text'>{S.noFiles}</Text>
              )}
            </View>
          ))}
        </View>
      </Section>

      <Section title={S.history}>
        <View className='case-history' role='list'>
          {[...detail.history].reverse().map((step, index) => (
            <View key={`${step.at}-${index}`} className='case-history__step' role='listitem'>
              <View className={`case-history__dot${index === 0 ? ' case-history__dot--latest' : ''}`} aria-hidden='true' />
              <View className='case-history__body'>
                <Text className='case-history__action'>{`${step.actionLabel} · ${CASE_STATUSES[step.to as CaseStatus]?.label ?? step.to}`}</Text>
                <Text className='case-history__meta'>{`${chinaDateTime(step.at)} · ${S.by[step.by]}`}</Text>
              </View>
            </View>
          ))}
        </View>
      </Section>
    </View>
  )
}
