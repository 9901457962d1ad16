import type { SessionUser } from '@ah-tourism/shared'
import { useSyncExternalStore } from 'react'
import { currentUser, signingIn, subscribeSession } from '@/services/session'

/** The signed-in user (null when signed out); the screen re-renders on sign-in, sign-out and role changes. */
export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(subscribeSession, currentUser, currentUser)
}

/** True while a sign-in the app was opened with (a portal code) is under way. */
export function useSigningIn(): boolean {
  return useSyncExternalStore(subscribeSession, signingIn, signingIn)
}
