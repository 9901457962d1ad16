import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextArea } from '@/components/form-field/text-area'
import { prepareKeys, TOKEN_MAX, verifyToken, type Verification } from '@/features/licences/verify'
import { scrollToId } from '@/services/scroll'
import { RESULT_ID, VerifyResult } from './result'
import { Scanner } from './scanner'
import { VERIFY_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/cases/case-view.scss'
import '@/features/licences/licence-view.scss'
import './index.scss'

const PASTE_ID = 'f-verify-token'

/**
 * 电子证照核验: pages/licences/verify/index, no sign-in. Scan a licence's QR code (WeChat's scanner, or
 * the camera in a browser) or paste what it carries; the signature is checked on the phone with the
 * published keys (kept from the first use, so it works offline), the licence's state by the API.
 */
export default function VerifyPage() {
  usePageTitle()
  const [token, setToken] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [verification, setVerification] = useState<Verification | null>(null)

  useEffect(() => prepareKeys(), [])

  const check = async (text: string) => {
    if (busy) return
    const value = text.trim()
    if (!value) return setProblem(S.pasteMissing)
    if (value.length > TOKEN_MAX) return setProblem(S.pasteTooLong)
    setProblem(null)
    setBusy(true)
    setVerification(null)
    const answer = await verifyToken(value)
    setVerification(answer)
    setBusy(false)
    setTimeout(() => scrollToId(RESULT_ID), 50)
  }

  return (
    <View className='verify'>
      <View className='verify__header'>
        <View className='verify__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='verify__intro'>{S.intro}</Text>
      </View>

      <View className='verify__form' role='search' aria-label={S.title}>
        <Scanner
          onScanned={(text) => {
            setToken(text)
            void check(text)
          }}
          onProblem={setProblem}
        />
        <FormField id={PASTE_ID} label={S.paste} required hint={S.pasteHint} error={problem ?? undefined}>
          <TextArea
            id={PASTE_ID}
            value={token}
            label={S.pasteLabel}
            placeholder={S.pastePlaceholder}
            maxLength={TOKEN_MAX + 100}
            invalid={!!problem}
            describedBy={describedBy(PASTE_ID, true, !!problem)}
            onChange={(value) => {
              setToken(value)
              setProblem(null)
            }}
          />
        </FormField>
        <View className='verify__buttons'>
          {token ? (
            <ActionButton
              variant='text'
              onTap={() => {
                setToken('')
                setVerification(null)
              }}
            >
              {S.clear}
            </ActionButton>
          ) : null}
          <ActionButton disabled={busy} onTap={() => void check(token)}>
            {busy ? S.submitting : S.submit}
          </ActionButton>
        </View>
      </View>

      {verification ? <VerifyResult verification={verification} /> : null}
    </View>
  )
}
