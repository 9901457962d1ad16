import { useRouter } from '@tarojs/taro'
import type { LicenceAction, StaffLicence } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { CaseNotice } from '@/features/cases/case-view'
import { backOr, readParam } from '@/features/cases/routes'
import { getStaffLicence } from '@/features/licences/api'
import { LicenceContent, LicenceHistory, StatusBadge } from '@/features/licences/licence-view'
import { staffLicenceUrl } from '@/features/licences/routes'
import { STATUS_TONES } from '@/features/licences/strings'
import { WhyUnusable } from '@/features/licences/why-unusable'
import { INBOX_PAGE } from '@/features/staff/routes'
import { useRemote } from '@/hooks/use-remote'
import type { ApiError } from '@/services/api-error'
import { LicenceActionForm } from './action-form'
import { STAFF_LICENCE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import '@/features/cases/case-view.scss'
import './index.scss'

const backToInbox = () => backOr(INBOX_PAGE)
/** 恢复 and 变更换发 move the licence on; 暂停, 吊销 and 注销 end or halt it. */
const FORWARD = new Set<LicenceAction>(['change', 'resume'])

/**
 * 证照管理: pages/staff/licence/index?licenceId=<证照标识> — a licence as staff see it (opened from the
 * decision document of a case): its state, content and history; for staff who may decide at the
 * issuing organisation, 变更换发 / 暂停 / 恢复 / 吊销 / 注销, each with reason, legal basis and date.
 */
export default function StaffLicencePage() {
  usePageTitle()
  const { params } = useRouter()
  const licenceId = readParam(params.licenceId)
  const user = useSignedIn(staffLicenceUrl(licenceId))
  const userId = user?.userId ?? ''
  const load = useCallback(() => getStaffLicence(licenceId), [licenceId])
  const { remote, reload, replace } = useRemote(load, `${userId}:${licenceId}`)
  const [active, setActive] = useState<LicenceAction | null>(null)
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; message: string } | null>(null)

  if (!licenceId) return <StatusView kind='error' title={S.missingId} actionText={S.toInbox} onAction={backToInbox} />
  if (!user) return <SignInRequired returnUrl={staffLicenceUrl(licenceId)} />
  if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
  if (remote.status === 'error') {
    const { error } = remote
    const final = error.status === 403 || error.status === 404
    return final ? (
      <StatusView kind='empty' title={error.message} actionText={S.toInbox} onAction={backToInbox} />
    ) : (
      <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    )
  }

  const staffLicence = remote.data
  const { licence } = staffLicence
  const done = (next: StaffLicence, label: string) => {
    setActive(null)
    replace(next)
    setNotice({ tone: 'success', message: S.done(label) })
  }
  const stale = (error: ApiError) => {
    setActive(null)
    setNotice({ tone: 'warning', message: S.stale(error.message) })
    reload()
  }
  const tone = staffLicence.usable ? 'good' : staffLicence.status === 'valid' ? 'warn' : STATUS_TONES[staffLicence.status]

  return (
    <View className='case-page staff-licence'>
      {notice ? <CaseNotice tone={notice.tone} message={notice.message} onClose={() => setNotice(null)} /> : null}
      <View className='staff-licence__header'>
        <View className='staff-licence__top'>
          <View className='staff-licence__title' role='heading' aria-level={1}>
            {licence.typeName}
          </View>
          <StatusBadge label={staffLicence.statusLabel} tone={tone} />
        </View>
        <Text className='staff-licence__number' userSelect>
          {licence.number}
        </Text>
      </View>
      <WhyUnusable item={staffLicence} />

      <Section title={S.content}>
        <LicenceContent licence={licence} />
      </Section>
      <LicenceHistory history={staffLicence.history} />

      {active ? (
        <LicenceActionForm key={`${active}-${licence.version}-${staffLicence.status}`} action={active} staffLicence={staffLicence} onCancel={() => setActive(null)} onDone={done} onStale={stale} />
      ) : (
        <Section title={S.actions}>
          {staffLicence.actions.length ? (
            <View className='staff-licence__actions'>
              {staffLicence.actions.map((action) => (
                <ActionButton key={action} block variant={FORWARD.has(action) ? 'primary' : 'secondary'} onTap={() => setActive(action)}>
                  {S.actionNames[action]}
                </ActionButton>
              ))}
            </View>
          ) : (
            <StatusView kind='empty' compact title={S.noActions} description={S.noActionsHint} />
          )}
        </Section>
      )}
    </View>
  )
}
