import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { toApiError } from '@/services/api-error'
import type { DownloadLink } from './api'
import type { CommitmentView } from '@ah-tourism/shared'
import { chinaDateTime, fileSizeText } from './format'
import { openDownloadedFile } from './open-file'
import { CASE_VIEW_STRINGS as S } from './strings'
import './case-view.scss'

export type MaterialState = keyof typeof S.materialStates

export interface MaterialView {
  materialId: string
  name: string
  source: 'applicant' | 'issued_licence'
  files: { index: number; fileName: string; size: number; contentType: string }[]
  licenceName?: string
  /** Staff view: where the material stands in pre-review, and why a supplement was asked for. */
  state?: MaterialState
  reason?: string
  /** 告知承诺制: the commitment that replaced the material; staff also get the recomputed hash's verdict. */
  commitment?: CommitmentView & { textMatches?: boolean }
}

/** A commitment as the case recorded it: when and by whom, the text confirmed, its hash for staff, and any false-commitment marks. */
function CommitmentRecord({ commitment, staff }: { commitment: NonNullable<MaterialView['commitment']>; staff: boolean }) {
  return (
    <View className='case-material__commitment'>
      <Text className='case-material__licence-title'>{S.committed}</Text>
      <Text className='case-material__text'>{S.committedAt(chinaDateTime(commitment.confirmedAt))}</Text>
      <Text className='case-material__text'>{S.committedBy(commitment.applicantName, commitment.guideVersion)}</Text>
      {commitment.signedInPerson ? <Text className='case-material__text'>{S.signedInPerson(commitment.signedInPerson.staffName)}</Text> : null}
      <Text className='case-material__text case-material__commitment-label'>{S.commitmentText}</Text>
      <Text className='case-material__commitment-text'>{commitment.text}</Text>
      {staff ? (
        <>
          <Text className='case-material__text case-material__hash'>{S.commitmentHash(commitment.textHash)}</Text>
          <View role={commitment.textMatches ? 'status' : 'alert'}>
            <Text className={`case-material__text${commitment.textMatches ? '' : ' case-material__text--alert'}`}>{commitment.textMatches ? `✓ ${S.hashMatches}` : `✗ ${S.hashDiffers}`}</Text>
          </View>
        </>
      ) : null}
      {commitment.falseMarks.map((mark) => (
        <View key={mark.at} className='case-material__false' role='note'>
          <Text className='case-material__false-title'>{`⚠ ${S.falseMark(mark.consequenceLabel)}`}</Text>
          <Text className='case-material__text'>{mark.opinion ? S.falseMarkDetail(chinaDateTime(mark.at), mark.opinion) : chinaDateTime(mark.at)}</Text>
        </View>
      ))}
    </View>
  )
}

export interface CaseMaterialsProps {
  materials: MaterialView[]
  /**
   * A short-lived link to one stored file (the applicant's or the staff route). Without it the files are
   * listed but cannot be opened (provincial supervision: the originals are the handling bureau's to open).
   */
  link?: (materialId: string, index: number) => Promise<DownloadLink>
}

/** 申请材料: each material with its files (download), the licence it is taken from, or its pre-review state. */
export function CaseMaterials({ materials, link, staff = false }: CaseMaterialsProps & { staff?: boolean }) {
  const [downloading, setDownloading] = useState<string | null>(null)

  const download = async (materialId: string, index: number, contentType: string) => {
    if (downloading || !link) return
    setDownloading(`${materialId}/${index}`)
    try {
      await openDownloadedFile(await link(materialId, index), contentType)
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
    } finally {
      setDownloading(null)
    }
  }

  return (
    <Section title={S.materials}>
      {link ? null : <Text className='case-material__text'>{S.originalsWithHandlers}</Text>}
      <View className='case-materials' role='list'>
        {materials.map((material) => (
          <View key={material.materialId} className={`case-material${material.state === 'needs_supplement' ? ' case-material--flagged' : ''}`} role='listitem'>
            <View className='case-material__head'>
              <Text className='case-material__name'>{material.name}</Text>
              {material.state && material.source === 'applicant' ? (
                <Text className={`case-material__state case-material__state--${material.state}`}>{S.materialStates[material.state]}</Text>
              ) : null}
            </View>
            {material.reason && material.state !== 'submitted' ? <Text className='case-material__reason'>{S.supplementReason(material.reason)}</Text> : null}
            {material.source === 'issued_licence' ? (
              <View className='case-material__licence'>
                <Text className='case-material__licence-title'>{S.fromLicence}</Text>
                {material.licenceName ? <Text className='case-material__text'>{S.licence(material.licenceName)}</Text> : null}
              </View>
            ) : material.commitment ? (
              <CommitmentRecord commitment={material.commitment} staff={staff} />
            ) : material.files.length ? (
              material.files.map((file) => (
                <View key={file.index} className='case-material__file'>
                  <View className='case-material__file-info'>
                    <Text className='case-material__file-name'>{file.fileName}</Text>
                    <Text className='case-material__text'>{fileSizeText(file.size)}</Text>
                  </View>
                  {link ? (
                    <ActionButton
                      variant='secondary'
                      size='sm'
                      label={S.downloadLabel(file.fileName)}
                      disabled={downloading !== null}
                      onTap={() => void download(material.materialId, file.index, file.contentType)}
                    >
                      {downloading === `${material.materialId}/${file.index}` ? S.downloading : S.download}
                    </ActionButton>
                  ) : null}
                </View>
              ))
            ) : (
              <Text className='case-material__text'>{S.noFiles}</Text>
            )}
          </View>
        ))}
      </View>
    </Section>
  )
}
