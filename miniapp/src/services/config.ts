/** Base URL of the API, replaced at build time (config/index.ts reads TARO_APP_API_BASE). */
export const API_BASE: string = process.env.TARO_APP_API_BASE

/** How long a request may take before the user is told the network is slow. */
export const REQUEST_TIMEOUT_MS = 15_000

/** The mini-program build (WeChat login, subscribe dialogs); H5 otherwise. */
export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/**
 * Local builds only (TARO_APP_DEV_LOGIN=1): the developer login page with seeded personas, the
 * simulated subscribe dialog in H5 and the page listing the WeChat stand-in's pushes. Absent in every
 * other build, where config/index.ts defines it as ''.
 */
export const DEV_LOGIN: boolean = process.env.TARO_APP_DEV_LOGIN === '1'

/** Base URL of the local WeChat API stand-in (for the dev push log), or '' when not configured. */
export const WECHAT_STANDIN: string = process.env.TARO_APP_WECHAT_STANDIN || ''

/**
 * Single sign-on from the provincial portal (安徽政务服务网统一身份认证): its authorize endpoint and this
 * system's client id there ('' when not configured: no portal sign-in), and the redirect URI registered
 * for the mini-program (the H5 app's is its own address).
 */
export const PORTAL_AUTHORIZE: string = process.env.TARO_APP_PORTAL_AUTHORIZE || ''
export const PORTAL_CLIENT_ID: string = process.env.TARO_APP_PORTAL_CLIENT_ID || ''
export const PORTAL_WEAPP_REDIRECT: string = process.env.TARO_APP_PORTAL_WEAPP_REDIRECT || ''
/** A browser build that can sign in through the portal. */
export const PORTAL_SSO: boolean = !IS_WEAPP && !!PORTAL_AUTHORIZE && !!PORTAL_CLIENT_ID
