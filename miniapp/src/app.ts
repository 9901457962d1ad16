// The language of this run, set before any page module is evaluated (i18n/language.ts).
import './i18n/language'
import { useDidShow, useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { localizeTabBar } from './i18n/page-title'
import { enableKeyboardAccess } from './services/keyboard'
import { startPreferences } from './features/preferences/store'
import { takePortalArrival } from './services/portal-sso'
import './app.scss'

// A browser opened from the provincial portal with a sign-in code: taken from the address before the
// router reads it (services/portal-sso.h5.ts). The mini-program's arrives with the launch options below.
takePortalArrival()
// H5: every control reachable and operable by keyboard (services/keyboard.h5.ts); nothing on weapp.
enableKeyboardAccess()
// 长辈版 (and on weapp the system font size) at the root of every page, before the first one renders.
startPreferences()

function App({ children }: PropsWithChildren) {
  // The mini-program opened (or shown again) on a page whose query carries the portal's `ssoCode`.
  useLaunch((options) => {
    localizeTabBar()
    takePortalArrival(options?.query as Record<string, string | undefined> | undefined)
  })
  useDidShow((options?: { query?: Record<string, string | undefined> }) => takePortalArrival(options?.query))
  // children is the page being shown.
  return children
}

export default App
