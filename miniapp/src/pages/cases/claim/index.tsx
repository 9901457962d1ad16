import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextInput } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { claimCase } from '@/features/cases/api'
import { CLAIM_PAGE, caseUrl, readParam } from '@/features/cases/routes'
import { toApiError } from '@/services/api-error'
import { CLAIM_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const ID = { caseNumber: 'f-claim-caseNumber', claimCode: 'f-claim-claimCode' }

/**
 * 认领窗口办件: pages/cases/claim/index[?caseNumber=…] — a case entered for the person at a hall window
 * (线上线下联合办理) is claimed with the receipt's case number and one-time code; it then belongs to the
 * signed-in account and opens like any case of 我的办件. Wrong codes are counted by the server.
 */
export default function ClaimPage() {
  usePageTitle()
  const { params } = useRouter()
  const user = useSignedIn(CLAIM_PAGE)
  const [caseNumber, setCaseNumber] = useState(readParam(params.caseNumber))
  const [claimCode, setClaimCode] = useState('')
  const [issues, setIssues] = useState<{ caseNumber?: string; claimCode?: string }>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  if (!user) return <SignInRequired returnUrl={CLAIM_PAGE} description={S.signInHint} />

  const submit = async () => {
    if (submitting) return
    const found = { ...(caseNumber.trim() ? {} : { caseNumber: S.missingNumber }), ...(claimCode.trim() ? {} : { claimCode: S.missingCode }) }
    setIssues(found)
    setProblem(null)
    if (Object.keys(found).length) return
    setSubmitting(true)
    try {
      const detail = await claimCase(caseNumber.trim(), claimCode.trim())
      void Taro.showToast({ title: S.claimed, icon: 'none' })
      void Taro.redirectTo({ url: caseUrl(detail.caseNumber) })
      return
    } catch (caught) {
      const error = toApiError(caught)
      const field = error.details.find((d) => d.path === 'caseNumber' || d.path === 'claimCode')
      if (field) setIssues({ [field.path]: field.message })
      setProblem(error.message)
    }
    setSubmitting(false)
  }

  return (
    <View className='claim'>
      <Section title={S.title}>
        <Text className='claim__intro'>{S.intro}</Text>
        <FormField id={ID.caseNumber} label={S.caseNumber} required error={issues.caseNumber}>
          <TextInput
            id={ID.caseNumber}
            value={caseNumber}
            label={S.caseNumberLabel}
            placeholder={S.caseNumberPlaceholder}
            maxLength={40}
            invalid={!!issues.caseNumber}
            describedBy={describedBy(ID.caseNumber, false, !!issues.caseNumber)}
            onChange={(value) => {
              setCaseNumber(value)
              setIssues(({ caseNumber: _dropped, ...rest }) => rest)
            }}
          />
        </FormField>
        <FormField id={ID.claimCode} label={S.claimCode} required hint={S.claimCodeHint} error={issues.claimCode}>
          <TextInput
            id={ID.claimCode}
            value={claimCode}
            label={S.claimCodeLabel}
            placeholder={S.claimCodePlaceholder}
            maxLength={12}
            invalid={!!issues.claimCode}
            describedBy={describedBy(ID.claimCode, true, !!issues.claimCode)}
            onChange={(value) => {
              setClaimCode(value)
              setIssues(({ claimCode: _dropped, ...rest }) => rest)
            }}
          />
        </FormField>
        {problem ? (
          <View className='claim__problem' role='alert'>
            <Text>{problem}</Text>
            <Text className='claim__hint'>{S.locked}</Text>
          </View>
        ) : null}
        <ActionButton block disabled={submitting} onTap={() => void submit()}>
          {submitting ? S.submitting : S.submit}
        </ActionButton>
      </Section>
    </View>
  )
}
