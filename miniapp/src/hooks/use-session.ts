import type { SessionUser } from '@ah-tourism/shared'
import { useSyncExternalStore } from 'react'
import { currentUser, subscribeSession } from '@/services/session'

/** The signed-in user (null when signed out); the screen re-renders on sign-in, sign-out and role changes. */
export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(subscribeSession, currentUser, currentUser)
}
