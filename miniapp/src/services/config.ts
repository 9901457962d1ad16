/** Base URL of the API, replaced at build time (config/index.ts reads TARO_APP_API_BASE). */
export const API_BASE: string = process.env.TARO_APP_API_BASE

/** How long a request may take before the user is told the network is slow. */
export const REQUEST_TIMEOUT_MS = 15_000
