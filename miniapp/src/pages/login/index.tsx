import Taro, { useRouter } from '@tarojs/taro'
import type { DevPersona } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { listDevPersonas } from '@/features/account/api'
import { HOME_TAB } from '@/features/catalog/routes'
import { readParam } from '@/features/cases/routes'
import { useRemote } from '@/hooks/use-remote'
import { useSessionUser } from '@/hooks/use-session'
import { toApiError } from '@/services/api-error'
import { DEV_LOGIN, IS_WEAPP, PORTAL_SSO } from '@/services/config'
import { returnAfterSignIn } from '@/services/login-route'
import { startPortalSignIn, takePortalError } from '@/services/portal-sso'
import { signInAsPersona, signInWithWechat } from '@/services/session'
import { LOGIN_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import './index.scss'

const GROUPS = ['applicant', 'city', 'province'] as const

/** One way to sign in: its button, what went wrong, and what it shares. */
function SignInOption(props: { busy: boolean; label?: string; text: string; error: string | null; privacy: string; onTap: () => void }) {
  return (
    <View className='login__wechat'>
      <ActionButton block disabled={props.busy} label={props.label} onTap={props.onTap}>
        {props.text}
      </ActionButton>
      {props.error ? (
        <View className='login__error' role='alert'>
          {props.error}
        </View>
      ) : null}
      <Text className='login__privacy'>{props.privacy}</Text>
    </View>
  )
}

/** WeChat: one button; WeChat's login code is exchanged for a session. */
function WechatLogin({ redirect }: { redirect: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const signIn = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await signInWithWechat()
      returnAfterSignIn(redirect)
    } catch (caught) {
      setError(toApiError(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return <SignInOption busy={busy} text={busy ? S.wechatBusy : S.wechat} error={error} privacy={S.privacy} onTap={() => void signIn()} />
}

/**
 * Browser: 政务服务网账号登录 — off to the provincial unified identity service and back, signed in, to
 * the page the person wanted (no second login when they come from the portal with a code).
 */
function PortalLogin({ redirect }: { redirect: string }) {
  const [busy, setBusy] = useState(false)
  // A portal code that could not be used (expired, used, service down) brought the person here.
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setError(takePortalError()), [])

  const go = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await startPortalSignIn('signin', redirect)
    } catch {
      setError(S.portalFailed)
      setBusy(false)
    }
  }

  return <SignInOption busy={busy} label={S.portalLabel} text={busy ? S.portalBusy : S.portal} error={error} privacy={S.portalPrivacy} onTap={() => void go()} />
}

/** Local builds in a browser: pick one of the seeded personas (the API offers them in its local stage only). */
function DevLogin({ redirect }: { redirect: string }) {
  const { remote, reload } = useRemote(listDevPersonas, 'personas')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const signIn = async (persona: DevPersona) => {
    if (busy) return
    setBusy(persona.personaId)
    setError(null)
    try {
      await signInAsPersona(persona.personaId)
      returnAfterSignIn(redirect)
    } catch (caught) {
      setError(toApiError(caught).message)
    } finally {
      setBusy(null)
    }
  }

  const renderPersonas = () => {
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') {
      return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    }
    if (!remote.data.length) return <StatusView kind='empty' compact title={S.empty} />
    return GROUPS.map((group) => {
      const personas = remote.data.filter((persona) => persona.group === group)
      if (!personas.length) return null
      return (
        <View key={group} className='login__group'>
          <View className='login__group-title' role='heading' aria-level={3}>
            {S.groups[group]}
          </View>
          <View className='login__personas' role='list'>
            {personas.map((persona) => (
              <View key={persona.personaId} role='listitem'>
                <View
                  className='login__persona'
                  role='button'
                  aria-role='button'
                  aria-label={S.personaLabel(persona.label, persona.description)}
                  aria-disabled={busy ? 'true' : undefined}
                  hoverClass='login__persona--pressed'
                  onClick={() => void signIn(persona)}
                >
                  <View className='login__persona-text'>
                    <Text className='login__persona-label'>{persona.label}</Text>
                    <Text className='login__persona-description'>{persona.description}</Text>
                  </View>
                  <Text className='login__persona-go' aria-hidden='true'>
                    {busy === persona.personaId ? S.personaBusy : '›'}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      )
    })
  }

  return (
    <Section title={S.devTitle}>
      <Text className='login__dev-text'>{S.devText}</Text>
      {error ? (
        <View className='login__error' role='alert'>
          {error}
        </View>
      ) : null}
      {renderPersonas()}
    </Section>
  )
}

/**
 * 登录: pages/login/index?redirect=<app path>. WeChat login on the mini-program; in a browser
 * 政务服务网账号登录 where the portal sign-in is configured, and in a local H5 build the developer login
 * with seeded personas too; any other H5 build explains that login happens in the mini-program. After signing in the user returns to `redirect` (default 我的).
 */
export default function LoginPage() {
  usePageTitle()
  const { params } = useRouter()
  const redirect = readParam(params.redirect)
  const user = useSessionUser()
  const goHome = useCallback(() => void Taro.switchTab({ url: HOME_TAB }), [])

  if (!IS_WEAPP && !DEV_LOGIN && !PORTAL_SSO) {
    return <StatusView kind='empty' title={S.wechatOnly} description={S.wechatOnlyHint} actionText={S.toHome} onAction={goHome} />
  }

  return (
    <View className='login'>
      <View className='login__header'>
        <View className='login__mark' aria-hidden='true'>
          <Text>{S.mark}</Text>
        </View>
        <View className='login__title' role='heading' aria-level={1}>
          {S.title}
        </View>
        <Text className='login__text'>{S.text}</Text>
        {user ? <Text className='login__current'>{S.signedInAs(user.displayName)}</Text> : null}
      </View>
      {IS_WEAPP ? <WechatLogin redirect={redirect} /> : null}
      {PORTAL_SSO ? <PortalLogin redirect={redirect} /> : null}
      {!IS_WEAPP && DEV_LOGIN ? <DevLogin redirect={redirect} /> : null}
    </View>
  )
}
