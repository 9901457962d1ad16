import { COMPLAINT_ITEM_BASIC_CODE } from '@ah-tourism/shared/src/feedback/model'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useMemo } from 'react'
import { ActionButton } from '@/components/action-button'
import { StatusView } from '@/components/status-view'
import { getItem, getItemVersion } from '@/features/catalog/api'
import { guideUrl, HOME_TAB, ITEMS_TAB } from '@/features/catalog/routes'
import { openApply } from '@/features/cases/routes'
import { COMPLAINT_PAGE, consultUrl, openSignedIn } from '@/features/feedback/routes'
import { useRemote } from '@/hooks/use-remote'
import { GuideHeader } from './guide-header'
import { FaqSection } from './faq-section'
import { GuideSections } from './guide-sections'
import { GUIDE_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

/** The code as given in the link; weapp passes query values still encoded, H5 decoded. */
function readCode(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}

/**
 * The service guide (办事指南) of one implementation item: pages/guide/index?code=<实施编码>.
 * The provincial portal links here directly, so the page must stand on its own: it may be the
 * first and only page in the stack.
 */
export default function GuidePage() {
  usePageTitle()
  const { params } = useRouter()
  const code = readCode(params.code)
  // ?version=N: a published version (the one a case was applied under), shown as it was, not for applying.
  const version = /^[1-9]\d{0,5}$/.test(readCode(params.version)) ? Number(readCode(params.version)) : null
  const load = useCallback(() => (version ? getItemVersion(code, version) : getItem(code)), [code, version])
  const { remote, reload } = useRemote(load, `${code}:${version ?? ''}`)
  const openedDirectly = useMemo(() => Taro.getCurrentPages().length <= 1, [])

  useShareAppMessage(() => ({
    title: remote.status === 'ready' ? remote.data.name : S.loading,
    path: guideUrl(code),
  }))

  const goHome = () => void Taro.switchTab({ url: HOME_TAB })
  const goItems = () => void Taro.switchTab({ url: ITEMS_TAB })

  const renderContent = () => {
    if (!code) {
      return <StatusView kind='error' title={S.missingCode} description={S.missingCodeHint} actionText={S.toItems} onAction={goItems} />
    }
    if (remote.status === 'loading') return <StatusView kind='loading' title={S.loading} />
    if (remote.status === 'error') {
      const { error } = remote
      // A wrong or withdrawn code will not load on retry: send the user to the list instead.
      if (error.code === 'CATALOG_ITEM_NOT_FOUND' || error.code === 'COMMON_NOT_FOUND' || error.code === 'COMMON_VALIDATION_FAILED') {
        return <StatusView kind='empty' title={error.message} description={S.notFoundHint} actionText={S.toItems} onAction={goItems} />
      }
      return <StatusView kind='error' title={error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    return (
      <>
        {version ? (
          <View className='guide__version-notice' role='note'>
            <Text>{S.olderVersion(version)}</Text>
          </View>
        ) : null}
        <GuideHeader item={remote.data} />
        <GuideSections item={remote.data} faq={<FaqSection code={code} />} onConsult={() => openSignedIn(consultUrl(code))} />
      </>
    )
  }

  const canApply = !version && remote.status === 'ready' && remote.data.guide.online.available

  return (
    <View className={`guide${canApply ? ' guide--with-bar' : ''}`}>
      {renderContent()}
      {openedDirectly ? (
        <View className='guide__home'>
          <ActionButton variant='secondary' block onTap={goHome}>
            {S.toHome}
          </ActionButton>
        </View>
      ) : null}
      {canApply ? (
        <View className='guide__bar'>
          {/* One complaint path: the complaint item's guide leads to the complaint flow, not the application form. */}
          {remote.data.basicCode === COMPLAINT_ITEM_BASIC_CODE ? (
            <ActionButton block label={S.complainLabel} onTap={() => openSignedIn(COMPLAINT_PAGE)}>
              {S.complain}
            </ActionButton>
          ) : (
            <ActionButton block label={S.applyLabel(remote.data.name)} onTap={() => openApply(code)}>
              {S.apply}
            </ActionButton>
          )}
        </View>
      ) : null}
    </View>
  )
}
