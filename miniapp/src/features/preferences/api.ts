import type { Preferences, PreferencesUpdate } from '@ah-tourism/shared'
import { requestJson } from '@/services/http'

/** Saves the signed-in person's preferences on their account; the answer is all of them. */
export async function savePreferences(update: PreferencesUpdate): Promise<Preferences> {
  return (await requestJson<Preferences>('PATCH', '/me/preferences', { auth: true, body: update })).data
}
