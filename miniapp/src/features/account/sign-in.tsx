import type { SessionUser } from '@ah-tourism/shared'
import { useEffect } from 'react'
import { StatusView } from '@/components/status-view'
import { useSessionUser, useSigningIn } from '@/hooks/use-session'
import { openLogin } from '@/services/login-route'
import { ensureSignedIn } from '@/services/session'
import { ACCOUNT_STRINGS as S } from './strings'

/**
 * For pages that need a user: on opening signed out, WeChat signs in silently and a browser goes to
 * the login page, coming back to `returnUrl`. Returns the user (null until signed in).
 */
export function useSignedIn(returnUrl: string): SessionUser | null {
  const user = useSessionUser()
  useEffect(() => {
    if (!user) void ensureSignedIn(returnUrl)
    // Only on opening: a user who comes back without signing in sees SignInRequired instead.
  }, [])
  return user
}

/** What a page that needs a user shows while signed out. */
export function SignInRequired({ returnUrl, description }: { returnUrl: string; description?: string }) {
  // Opened from the provincial portal with a sign-in code: being signed in, no login needed.
  if (useSigningIn()) return <StatusView kind='loading' title={S.portalSigningIn} />
  return (
    <StatusView
      kind='empty'
      title={S.signInRequired}
      description={description ?? S.signInRequiredHint}
      actionText={S.signIn}
      actionLabel={S.signInLabel}
      onAction={() => openLogin(returnUrl)}
    />
  )
}
