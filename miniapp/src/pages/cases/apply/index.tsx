import { COMPLAINT_ITEM_BASIC_CODE } from '@ah-tourism/shared/src/feedback/model'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { applicantKinds } from '@/features/application/form'
import { ITEMS_TAB } from '@/features/catalog/routes'
import { chinaDate, chinaDateTime } from '@/features/cases/format'
import { applyUrl, openMineTab, readParam } from '@/features/cases/routes'
import { COMPLAINT_PAGE } from '@/features/feedback/routes'
import { ApplicantSection } from './applicant-section'
import { FieldsSection } from './fields-section'
import { MaterialsSection } from './materials-section'
import { blockingLicences, useLicenceMaterials } from '@/features/application/use-licence-materials'
import { APPLY_STRINGS as S } from './strings'
import { useApply } from './use-apply'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

/**
 * 在线申请: pages/cases/apply/index?code=<实施编码>. The form is built from the item's guide:
 * applicant, the item's own fields and one upload slot per material; it is kept as a draft while
 * it is filled in, and submitted once. It needs a signed-in user (on WeChat, signed in silently).
 */
export default function ApplyPage() {
  usePageTitle()
  const { params } = useRouter()
  const code = readParam(params.code)
  // Drafts, uploads and the case belong to a user: signed out, the login page comes first.
  const user = useSignedIn(applyUrl(code))
  const apply = useApply(code, user?.userId ?? '')
  const { load, form } = apply
  // Called before any early return (a hook): looks up nothing until the item has 免提交 materials and the holder is typed in.
  const needsLicences = !!user && load.status === 'ready' && load.item.guide.materials.some((m) => m.source === 'issued_licence')
  const licences = useLicenceMaterials(code ?? '', form, needsLicences)
  const blocked = blockingLicences(licences)

  const goItems = () => void Taro.switchTab({ url: ITEMS_TAB })
  // One complaint path: a link to the form of the complaint item (旅游投诉受理) goes on to the complaint flow.
  const complaintItem = load.status === 'ready' && load.item.basicCode === COMPLAINT_ITEM_BASIC_CODE
  const toComplaint = () => void Taro.redirectTo({ url: COMPLAINT_PAGE })
  useEffect(() => {
    if (complaintItem) void Taro.redirectTo({ url: COMPLAINT_PAGE })
  }, [complaintItem])

  const confirmRestart = async () => {
    const { confirm } = await Taro.showModal({ title: S.restartTitle, content: S.restartConfirm, confirmColor: '#b42318' })
    if (!confirm) return
    await apply.restart()
    void Taro.showToast({ title: S.restartDone, icon: 'none' })
  }

  if (!code) return <StatusView kind='error' title={S.missingCode} actionText={S.toItems} onAction={goItems} />
  if (!user) return <SignInRequired returnUrl={applyUrl(code)} description={S.signInHint} />
  if (load.status === 'loading' || (load.status === 'ready' && !form)) return <StatusView kind='loading' title={S.loading} />
  if (load.status === 'error') {
    const gone = load.error.code === 'CATALOG_ITEM_NOT_FOUND' || load.error.code === 'COMMON_NOT_FOUND'
    return gone ? (
      <StatusView kind='empty' title={load.error.message} actionText={S.toItems} onAction={goItems} />
    ) : (
      <StatusView kind='error' title={load.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={apply.reload} />
    )
  }
  const { item, restoredAt, guideChange, prefilled } = load
  if (!form) return null
  if (!item.guide.online.available) return <StatusView kind='empty' title={S.notOnline} actionText={S.toItems} onAction={goItems} />
  // Shown while it goes on to the complaint flow (and should that not happen, with the way there).
  if (complaintItem) return <StatusView kind='empty' title={S.complaintElsewhere} actionText={S.toComplaint} onAction={toComplaint} />

  return (
    <View className='apply'>
      <View className='apply__header'>
        <View className='apply__title' role='heading' aria-level={1}>
          {item.name}
        </View>
        <Text className='apply__organisation'>{S.organisationValue(item.organisation.name)}</Text>
      </View>

      {guideChange ? (
        <View className='apply__guide-changed' role='alert'>
          <Text className='apply__guide-changed-title'>{S.guideChangedTitle}</Text>
          <Text>
            {guideChange.sections.length
              ? S.guideChangedSections(guideChange.from, guideChange.to, chinaDate(`${guideChange.publishedAt}T04:00:00Z`), guideChange.sections.join(S.listSeparator))
              : S.guideChanged(guideChange.from, guideChange.to, chinaDate(`${guideChange.publishedAt}T04:00:00Z`))}
          </Text>
        </View>
      ) : null}

      {restoredAt ? (
        <View className='apply__restored' role='status'>
          <Text className='apply__restored-text'>{S.restored(chinaDateTime(restoredAt))}</Text>
          <ActionButton variant='text' size='sm' onTap={() => void confirmRestart()}>
            {S.restart}
          </ActionButton>
        </View>
      ) : null}

      {prefilled ? (
        <View className='apply__restored' role='status'>
          <Text className='apply__restored-text'>{S.prefilledNote}</Text>
          <ActionButton variant='text' size='sm' label={S.clearPrefillLabel} onTap={apply.clearPrefill}>
            {S.clearPrefill}
          </ActionButton>
        </View>
      ) : null}

      <ApplicantSection apply={apply} form={form} kinds={applicantKinds(item)} />
      <FieldsSection fields={item.applicationFields} rules={item.optionRules} form={form} apply={apply} />
      <MaterialsSection materials={item.guide.materials} form={form} apply={apply} licences={licences} />

      <View className='apply__end'>
        {apply.unplaced.length ? (
          <View className='apply__problem' role='alert'>
            <Text className='apply__problem-title'>{S.otherProblems}</Text>
            {apply.unplaced.map((message) => (
              <Text key={message} className='apply__problem-text'>{message}</Text>
            ))}
          </View>
        ) : null}
        {blocked.length ? (
          <View className='apply__problem' role='alert'>
            <Text className='apply__problem-title'>{S.licenceBlocked}</Text>
            {blocked.map((m) => (
              <Text key={m.materialId} className='apply__problem-text'>{m.message}</Text>
            ))}
          </View>
        ) : null}
        {apply.problem ? (
          <View className='apply__problem' role='alert'>
            <Text className='apply__problem-text'>{apply.problem.message}</Text>
            {apply.problem.toCases ? (
              <ActionButton variant='secondary' size='sm' onTap={openMineTab}>
                {S.toMyCases}
              </ActionButton>
            ) : null}
          </View>
        ) : null}
        <Text className='apply__privacy'>{S.privacy}</Text>
      </View>

      <View className='apply__bar'>
        <View className={`apply__autosave apply__autosave--${apply.autosave.state}`} role='status' aria-live='polite'>
          {S.autosave[apply.autosave.state]}
        </View>
        <ActionButton block disabled={apply.submitting || blocked.length > 0} onTap={() => void apply.submit()}>
          {apply.submitting ? S.submitting : S.submit}
        </ActionButton>
      </View>
    </View>
  )
}
