import Taro from '@tarojs/taro'
import type { SessionUser } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { MINE_TAB } from '@/features/cases/routes'
import { toApiError } from '@/services/api-error'
import { IS_WEAPP, PORTAL_SSO } from '@/services/config'
import { linkWechat, startPortalSignIn, takePortalError } from '@/services/portal-sso'
import { MINE_STRINGS as S } from './strings'

/**
 * 实名认证 on 我的: the verified identity from the provincial portal (masked name and ID number only), or
 * the way to link it (browser: through the identity service); on the mini-program, linking this account
 * to WeChat when it was made by portal sign-in. Both ways then sign in to the same account.
 */
export function VerifiedIdentity({ user }: { user: SessionUser }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // A link that came back refused (identity of another account, …) brought the person back here.
  useEffect(() => setError(takePortalError()), [])

  const identity = user.verifiedIdentity
  const canLinkPortal = !identity && PORTAL_SSO
  const canLinkWechat = IS_WEAPP && user.wechatLinked === false
  if (!identity && !canLinkPortal && !canLinkWechat) return null

  const linkPortal = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await startPortalSignIn('link', MINE_TAB)
    } catch {
      setError(S.portalLinkFailed)
      setBusy(false)
    }
  }

  const linkThisWechat = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await linkWechat((await Taro.login()).code)
      void Taro.showToast({ title: S.wechatLinked, icon: 'none' })
    } catch (caught) {
      setError(toApiError(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title={S.identity}>
      {identity ? (
        <View className='mine__identity' aria-label={S.identityLabel(identity.name, identity.idNumber)}>
          <Text className='mine__identity-badge'>{S.identityVerified}</Text>
          <Text className='mine__identity-line'>{S.identityName(identity.name)}</Text>
          <Text className='mine__identity-line'>{S.identityNumber(identity.idNumber)}</Text>
        </View>
      ) : (
        <Text className='mine__identity-hint'>{S.identityMissing}</Text>
      )}
      {error ? (
        <View className='mine__identity-error' role='alert'>
          {error}
        </View>
      ) : null}
      {canLinkPortal ? (
        <ActionButton className='mine__identity-action' block variant='secondary' disabled={busy} label={S.portalLinkLabel} onTap={() => void linkPortal()}>
          {busy ? S.portalLinkBusy : S.portalLink}
        </ActionButton>
      ) : null}
      {canLinkWechat ? (
        <ActionButton className='mine__identity-action' block variant='secondary' disabled={busy} onTap={() => void linkThisWechat()}>
          {busy ? S.wechatLinkBusy : S.wechatLink}
        </ActionButton>
      ) : null}
    </Section>
  )
}
