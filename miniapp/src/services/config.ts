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
