import Taro from '@tarojs/taro'
import type { CaseDocument } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { useRemote } from '@/hooks/use-remote'
import { chinaDate } from './format'
import { CASE_VIEW_STRINGS as S } from './strings'
import './case-view.scss'
import './case-documents.scss'

export interface DocumentListProps {
  documents: CaseDocument[]
  documentUrl: (documentId: string) => string
  /** Where the electronic licence a decision granted opens (the holder's or the staff's page); none: not linked. */
  licenceUrl?: (licenceId: string) => string
}

/** The electronic licence a licensing decision granted, under its document: 电子证照：导游证 D-AH-…, a link. */
function LicenceLink({ licence, url }: { licence: NonNullable<CaseDocument['licence']>; url: string }) {
  return (
    <View
      className='case-document-licence'
      role='link'
      aria-role='link'
      aria-label={S.documentLicenceLabel(licence.typeName, licence.number)}
      hoverClass='case-document-licence--pressed'
      onClick={() => void Taro.navigateTo({ url })}
    >
      <Text className='case-document-licence__text'>{S.documentLicence(licence.typeName, licence.number)}</Text>
      <Text className='case-document-licence__open' aria-hidden='true'>
        {`${S.documentLicenceOpen} ›`}
      </Text>
    </View>
  )
}

/** 文书: the documents issued on the case, oldest first; a tap opens one to read (and a decision's licence). */
export function DocumentList({ documents, documentUrl, licenceUrl }: DocumentListProps) {
  if (!documents.length) return null
  return (
    <Section title={S.documents} note={S.documentsNote(documents.length)} flush>
      <View className='case-documents' role='list'>
        {documents.map((document) => (
          <View key={document.documentId} role='listitem'>
            <View
              className='case-document-link'
              role='link'
              aria-role='link'
              aria-label={S.documentLabel(document.title, document.number, chinaDate(document.issuedAt))}
              hoverClass='case-document-link--pressed'
              onClick={() => void Taro.navigateTo({ url: documentUrl(document.documentId) })}
            >
              <View className='case-document-link__text'>
                <Text className='case-document-link__title'>{document.title}</Text>
                <Text className='case-document-link__meta'>{`${document.number} · ${chinaDate(document.issuedAt)}`}</Text>
              </View>
              <Text className='case-document-link__read' aria-hidden='true'>
                {`${S.documentRead} ›`}
              </Text>
            </View>
            {document.licence && licenceUrl ? <LicenceLink licence={document.licence} url={licenceUrl(document.licence.licenceId)} /> : null}
          </View>
        ))}
      </View>
    </Section>
  )
}

/** A document as issued: title, number, the text, the table of defects of a one-time notice, the issuer and date. */
export function DocumentView({ document }: { document: CaseDocument }) {
  const date = chinaDate(document.issuedAt)
  return (
    <View className='case-document'>
      <View className='case-document__title' role='heading' aria-level={1}>
        {document.title}
      </View>
      <Text className='case-document__number' userSelect aria-label={`${S.documentNumber} ${document.number}`}>
        {document.number}
      </Text>
      {document.paragraphs.flatMap((paragraph, p) =>
        paragraph.split('\n').map((line, l) => (
          <Text key={`${p}-${l}`} className={`case-document__paragraph${l === 0 && p === 0 && paragraph.includes('\n') ? ' case-document__paragraph--addressee' : ''}`} userSelect>
            {line}
          </Text>
        )),
      )}
      {document.defects?.length ? (
        <View className='case-document__defects'>
          <View className='case-document__defects-title' role='heading' aria-level={2}>
            {S.defectsTitle}
          </View>
          <View className='defects-table' role='table' aria-label={S.defectsTitle}>
            <View className='defects-table__row defects-table__row--head' role='row'>
              <View className='defects-table__cell defects-table__cell--index' role='columnheader'>
                {S.defectsIndex}
              </View>
              <View className='defects-table__cell' role='columnheader'>
                {S.defectsSubject}
              </View>
              <View className='defects-table__cell' role='columnheader'>
                {S.defectsReason}
              </View>
            </View>
            {document.defects.map((defect, index) => (
              <View key={`${defect.subject}-${index}`} className='defects-table__row' role='row'>
                <View className='defects-table__cell defects-table__cell--index' role='cell'>
                  {index + 1}
                </View>
                <View className='defects-table__cell defects-table__cell--subject' role='cell'>
                  {defect.subject}
                </View>
                <View className='defects-table__cell' role='cell'>
                  {defect.reason}
                </View>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <View className='case-document__signature'>
        <Text className='case-document__issuer' aria-label={`${S.documentIssuer} ${document.issuer}`}>
          {document.issuer}
        </Text>
        <Text className='case-document__date' aria-label={`${S.documentDate} ${date}`}>
          {date}
        </Text>
      </View>
    </View>
  )
}

export interface DocumentScreenProps {
  caseNumber: string
  documentId: string
  /** The case's documents, through the applicant's or the staff route. */
  load: (caseNumber: string) => Promise<CaseDocument[]>
  onBack: () => void
}

/** The body of a document page: loads the case, finds the document, shows it (with loading, missing and error states). */
export function DocumentScreen({ caseNumber, documentId, load, onBack }: DocumentScreenProps) {
  const find = useCallback(async () => (await load(caseNumber)).find((d) => d.documentId === documentId) ?? null, [load, caseNumber, documentId])
  const { remote, reload } = useRemote(find, `${caseNumber}/${documentId}`)
  if (!caseNumber || !documentId) return <StatusView kind='error' title={S.documentMissingParams} actionText={S.backToCase} onAction={onBack} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.documentLoading} />
  if (remote.status === 'error') return <StatusView kind='error' title={remote.error.message} actionText={S.retry} actionLabel={S.documentRetryLabel} onAction={reload} />
  if (!remote.data) return <StatusView kind='empty' title={S.documentMissing} actionText={S.backToCase} onAction={onBack} />
  return (
    <View className='case-document-page'>
      <DocumentView document={remote.data} />
    </View>
  )
}
