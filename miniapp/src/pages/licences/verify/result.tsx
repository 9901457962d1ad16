import type { LicencePayload } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { VERIFICATION_RESULTS } from '@ah-tourism/shared/src/licences/kinds'
import { Section } from '@/components/section'
import { plainDate } from '@/features/feedback/format'
import { LicenceContent, StatusBadge } from '@/features/licences/licence-view'
import { RESULT_LABELS, RESULT_TONES, type Tone } from '@/features/licences/strings'
import { chinaToday, type Verification } from '@/features/licences/verify'
import { VERIFY_STRINGS as S } from './strings'

export const RESULT_ID = 'verify-result'

interface Conclusion {
  label: string
  tone: Tone
  message: string
  lines: string[]
  licence?: LicencePayload
}

/**
 * The verdict: the API's when it answered; without network, what the signature alone settles
 * (altered, or signed and perhaps past its validity) and that the state is unknown.
 */
export function conclude({ offline, online }: Verification): Conclusion {
  if (online.kind === 'answered') {
    const v = online.verification
    const lines = [
      v.statusReason ? S.statusReason(v.statusReason) : '',
      v.statusChangedOn ? S.statusChangedOn(plainDate(v.statusChangedOn)) : '',
      v.result === 'superseded' && v.currentVersion ? S.currentVersion(v.currentVersion) : '',
    ].filter(Boolean)
    const signed = v.result !== 'tampered' ? (v.licence ?? (offline.kind === 'signed' ? offline.licence : undefined)) : undefined
    return { label: RESULT_LABELS[v.result], tone: RESULT_TONES[v.result], message: v.message, lines, licence: signed }
  }
  if (offline.kind === 'tampered') return { label: RESULT_LABELS.tampered, tone: 'danger', message: VERIFICATION_RESULTS.tampered, lines: [] }
  if (offline.kind === 'signed') {
    const { licence } = offline
    const expired = !!licence.validUntil && licence.validUntil < chinaToday()
    return expired
      ? { label: RESULT_LABELS.expired, tone: 'warn', message: VERIFICATION_RESULTS.expired, lines: [online.message], licence }
      : { label: S.signedOnly, tone: 'warn', message: S.statusUnknown, lines: [online.message], licence }
  }
  return { label: S.failed, tone: 'danger', message: online.message, lines: [S.failedHint] }
}

const SIGNATURE = { signed: S.signatureChecked, tampered: S.signatureFailed, unchecked: S.signatureUnchecked } as const

/** 核验结果: the verdict in large type, what it means, whether the signature was checked here, and the signed content. */
export function VerifyResult({ verification }: { verification: Verification }) {
  const conclusion = conclude(verification)
  const { offline } = verification
  return (
    <View id={RESULT_ID}>
      <Section title={S.result}>
        <View className={`verify-verdict verify-verdict--${conclusion.tone}`} role='status' aria-live='polite'>
          <StatusBadge label={conclusion.label} tone={conclusion.tone} large />
          <Text className='verify-verdict__message'>{conclusion.message}</Text>
          {conclusion.lines.map((line) => (
            <Text key={line} className='verify-verdict__line'>
              {line}
            </Text>
          ))}
        </View>
        <Text className={`verify-signature verify-signature--${offline.kind}`}>{`${offline.kind === 'signed' ? '✓' : offline.kind === 'tampered' ? '✗' : '!'} ${SIGNATURE[offline.kind]}`}</Text>
      </Section>
      {conclusion.licence ? (
        <Section title={S.content}>
          <LicenceContent licence={conclusion.licence} />
          <Text className='case-note'>{S.contentNote}</Text>
        </Section>
      ) : null}
    </View>
  )
}
