import type { HallIntakeReceipt, ItemSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { CheckGroup } from '@/components/form-field/check-group'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { applicantKinds, promises } from '@/features/application/form'
import { blockingLicences, useLicenceMaterials } from '@/features/application/use-licence-materials'
import { listItems } from '@/features/catalog/api'
import { INTAKE_PAGE, backOr } from '@/features/cases/routes'
import { INBOX_PAGE } from '@/features/staff/routes'
import { useRemote } from '@/hooks/use-remote'
import { scrollToId } from '@/services/scroll'
import { ApplicantSection } from '../apply/applicant-section'
import { FieldsSection } from '../apply/fields-section'
import { MaterialsSection } from '../apply/materials-section'
import { APPLY_STRINGS } from '../apply/strings'
import { useApply } from '../apply/use-apply'
import { Receipt } from './receipt'
import { INTAKE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/cases/case-view.scss'
import '../apply/index.scss'
import './index.scss'

/** The walk-in application for one item: the online form, filled in by the window, ending in the receipt. */
function IntakeForm({ code, userId, onReceipt, onChangeItem }: { code: string; userId: string; onReceipt: (receipt: HallIntakeReceipt) => void; onChangeItem: () => void }) {
  const apply = useApply(code, userId, { onReceipt })
  const { load, form } = apply
  const needsLicences = load.status === 'ready' && load.item.guide.materials.some((m) => m.source === 'issued_licence')
  const licences = useLicenceMaterials(code, form, needsLicences)
  const blocked = blockingLicences(licences)
  const [signed, setSigned] = useState(false)

  if (load.status === 'loading' || (load.status === 'ready' && !form)) return <StatusView kind='loading' title={S.loading} />
  if (load.status === 'error') return <StatusView kind='error' title={load.error.message} actionText={S.retry} onAction={apply.reload} />
  const { item } = load
  if (!form) return null
  const anyCommitment = item.guide.materials.some((m) => promises(m, form))
  const signedError = apply.errorFor('signedInPerson')

  return (
    <View>
      <View className='apply__header'>
        <View className='apply__title' role='heading' aria-level={2}>
          {item.name}
        </View>
        <Text className='apply__organisation'>{APPLY_STRINGS.organisationValue(item.organisation.name)}</Text>
        <ActionButton variant='text' size='sm' onTap={onChangeItem}>
          {S.changeItem}
        </ActionButton>
      </View>
      <ApplicantSection apply={apply} form={form} kinds={applicantKinds(item)} />
      <FieldsSection fields={item.applicationFields} rules={item.optionRules} form={form} apply={apply} />
      <MaterialsSection materials={item.guide.materials} form={form} apply={apply} licences={licences} atWindow />
      {anyCommitment ? (
        <Section title={S.signedInPerson} id='f-signedInPerson'>
          <Text className='apply__note'>{S.signedInPersonNote}</Text>
          <CheckGroup label={S.signedInPerson} options={[{ value: 'signed', label: S.signedInPerson }]} values={signed ? ['signed'] : []} invalid={!!signedError} onChange={(values) => setSigned(values.length > 0)} />
          {signedError ? (
            <View className='form-field__error' role='alert'>
              {signedError}
            </View>
          ) : null}
        </Section>
      ) : null}
      <View className='apply__end'>
        {apply.unplaced.length || apply.problem ? (
          <View className='apply__problem' role='alert'>
            {apply.problem ? <Text className='apply__problem-text'>{apply.problem.message}</Text> : null}
            {apply.unplaced.map((message) => (
              <Text key={message} className='apply__problem-text'>
                {message}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      <View className='apply__bar'>
        <ActionButton block disabled={apply.submitting || blocked.length > 0} onTap={() => void apply.submit({ signedInPerson: signed })}>
          {apply.submitting ? S.submitting : S.submit}
        </ActionButton>
      </View>
    </View>
  )
}

/**
 * 窗口受理 (线上线下联合办理): pages/cases/intake/index — a hall-window staff member enters a walk-in
 * application on the person's behalf: the item (any of the organisation's, those on the negative list too), the online form with scanned
 * materials, commitments confirmed only with 申请人已当面签署; then the receipt with the case number and the
 * one-time claim code the person uses on the phone. It lives with the case pages (it is their form).
 */
export default function IntakePage() {
  usePageTitle()
  const user = useSignedIn(INTAKE_PAGE)
  const staff = user?.staff
  const allowed = !!staff?.permissions.includes('hall_window')
  const loadItems = useCallback(
    (): Promise<ItemSummary[]> =>
      staff && allowed
        ? listItems({ region: staff.regionCode, limit: 50 }).then(({ items }) => items.filter((i) => i.organisationName === staff.organisationName))
        : Promise.resolve([]),
    [staff, allowed],
  )
  const { remote: items, reload } = useRemote(loadItems, `${user?.userId ?? ''}`)
  const [code, setCode] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<HallIntakeReceipt | null>(null)
  const [round, setRound] = useState(0)

  if (!user) return <SignInRequired returnUrl={INTAKE_PAGE} />
  if (!staff || !allowed) return <StatusView kind='empty' title={S.forbidden} description={S.forbiddenHint} actionText={S.toInbox} onAction={() => backOr(INBOX_PAGE)} />

  const again = () => {
    setReceipt(null)
    setCode(null)
    setRound((n) => n + 1)
  }

  return (
    <View className='apply intake'>
      <View className='apply__header'>
        <View className='apply__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='apply__organisation'>{S.intro}</Text>
      </View>
      {receipt ? (
        <Receipt receipt={receipt} onAgain={again} />
      ) : code ? (
        <IntakeForm
          key={`${code}-${round}`}
          code={code}
          userId={user.userId}
          onReceipt={(answer) => {
            setReceipt(answer)
            scrollToId('intake-receipt')
          }}
          onChangeItem={() => setCode(null)}
        />
      ) : items.status === 'loading' ? (
        <StatusView kind='loading' title={S.loadingItems} />
      ) : items.status === 'error' ? (
        <StatusView kind='error' title={items.error.message} actionText={S.retry} actionLabel={S.retryItems} onAction={reload} />
      ) : !items.data.length ? (
        <StatusView kind='empty' title={S.noItems} />
      ) : (
        <Section title={S.chooseItem} note={S.chooseItemNote(staff.organisationName)}>
          <View className='intake__items' role='list'>
            {items.data.map((item) => (
              <View key={item.implementationCode} role='listitem'>
                <View className='intake__item' role='button' aria-role='button' aria-label={S.itemLabel(item.name)} hoverClass='intake__item--pressed' onClick={() => setCode(item.implementationCode)}>
                  <Text>{item.name}</Text>
                  <Text aria-hidden='true'>›</Text>
                </View>
              </View>
            ))}
          </View>
        </Section>
      )}
    </View>
  )
}
