import { Text, View } from '@tarojs/components'
import { ChoiceGroup } from '@/components/form-field/choice-group'
import { describedBy, FormField } from '@/components/form-field'
import { SwitchRow } from '@/components/form-field/switch-row'
import { TextInput, type TextInputMode } from '@/components/form-field/text-input'
import { Section } from '@/components/section'
import type { ApplicantKind, ApplyForm, EnterpriseInput, PersonInput } from '@/features/application/form'
import { APPLY_STRINGS as S } from './strings'
import { fieldId, type useApply } from './use-apply'

type Apply = ReturnType<typeof useApply>

interface InputSpec {
  path: string
  label: string
  spoken: string
  value: string
  mode?: TextInputMode
  maxLength: number
  placeholder?: string
  hint?: string
  onChange: (value: string) => void
}

function Field({ spec, apply }: { spec: InputSpec; apply: Apply }) {
  const id = fieldId(spec.path)
  const error = apply.errorFor(spec.path)
  return (
    <FormField id={id} label={spec.label} required hint={spec.hint} error={error}>
      <TextInput
        id={id}
        value={spec.value}
        label={spec.spoken}
        mode={spec.mode}
        maxLength={spec.maxLength}
        placeholder={spec.placeholder}
        invalid={Boolean(error)}
        describedBy={describedBy(id, Boolean(spec.hint), Boolean(error))}
        onChange={spec.onChange}
        onBlur={() => apply.touch(spec.path)}
      />
    </FormField>
  )
}

function personSpecs(apply: Apply, form: ApplyForm, who: 'person' | 'agent', kind: ApplicantKind): InputSpec[] {
  const value = form[who]
  const set = (key: keyof PersonInput) => (v: string) => apply.setPerson(who, key, v)
  const agent = who === 'agent'
  return [
    {
      path: `applicant.${who}.name`,
      label: S.personName,
      spoken: agent ? S.agentName[kind] : S.personNameLabel,
      value: value.name,
      maxLength: 50,
      placeholder: S.namePlaceholder,
      onChange: set('name'),
    },
    {
      path: `applicant.${who}.idNumber`,
      label: S.idNumber,
      spoken: agent ? S.agentIdNumber[kind] : S.idNumberLabel,
      value: value.idNumber,
      mode: 'idcard',
      maxLength: 18,
      placeholder: S.idNumberPlaceholder,
      onChange: set('idNumber'),
    },
    {
      path: `applicant.${who}.mobile`,
      label: S.mobile,
      spoken: agent ? S.agentMobile[kind] : S.mobileLabel,
      value: value.mobile,
      mode: 'tel',
      maxLength: 11,
      placeholder: S.mobilePlaceholder,
      onChange: set('mobile'),
    },
  ]
}

function enterpriseSpecs(apply: Apply, form: ApplyForm): InputSpec[] {
  const set = (key: keyof EnterpriseInput) => (v: string) => apply.setEnterprise(key, v)
  return [
    {
      path: 'applicant.enterprise.name',
      label: S.enterpriseName,
      spoken: S.enterpriseNameLabel,
      value: form.enterprise.name,
      maxLength: 50,
      hint: S.enterpriseNameHint,
      onChange: set('name'),
    },
    {
      path: 'applicant.enterprise.creditCode',
      label: S.creditCode,
      spoken: S.creditCodeLabel,
      value: form.enterprise.creditCode,
      maxLength: 18,
      placeholder: S.creditCodePlaceholder,
      onChange: set('creditCode'),
    },
    {
      path: 'applicant.enterprise.legalRepresentative',
      label: S.legalRepresentative,
      spoken: S.legalRepresentativeLabel,
      value: form.enterprise.legalRepresentative,
      maxLength: 50,
      onChange: set('legalRepresentative'),
    },
  ]
}

/**
 * Who applies: a person (for themselves, or through a 代办人 with a power of attorney) or an
 * enterprise through its 经办人. Only the kinds the guide serves are offered.
 */
export function ApplicantSection({ apply, form, kinds }: { apply: Apply; form: ApplyForm; kinds: ApplicantKind[] }) {
  const kind = form.applicantKind
  const enterprise = kind === 'enterprise'
  const showAgent = enterprise || form.onBehalf
  const kindError = apply.errorFor('applicant')
  return (
    <>
      <Section title={S.applicantSection}>
        {kinds.length > 1 ? (
          <FormField id={fieldId('applicant')} label={S.applicantKind} required error={kindError}>
            <ChoiceGroup
              label={S.applicantKind}
              options={kinds.map((k) => ({ value: k, label: S.kindNames[k] }))}
              value={kind}
              invalid={Boolean(kindError)}
              onChange={(value) => apply.setKind(value as ApplicantKind)}
            />
          </FormField>
        ) : (
          <View className='apply__kind' role='note'>
            <Text className='apply__kind-label'>{S.applicantKind}</Text>
            <Text className='apply__kind-value'>{S.kindNames[kind]}</Text>
          </View>
        )}
        {(enterprise ? enterpriseSpecs(apply, form) : personSpecs(apply, form, 'person', kind)).map((spec) => (
          <Field key={spec.path} spec={spec} apply={apply} />
        ))}
        {!enterprise ? <SwitchRow title={S.onBehalf} note={S.onBehalfNote} checked={form.onBehalf} onChange={apply.setOnBehalf} /> : null}
      </Section>

      {showAgent ? (
        <Section title={S.agentSection[kind]}>
          <Text className='apply__note'>{S.agentNote[kind]}</Text>
          {personSpecs(apply, form, 'agent', kind).map((spec) => (
            <Field key={spec.path} spec={spec} apply={apply} />
          ))}
        </Section>
      ) : null}
    </>
  )
}
