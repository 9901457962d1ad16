/**
 * Mini-program variant: a token of `bytes * 2` lower-case hex characters. WeChat's JS engine has no
 * Web Crypto and its getRandomValues is asynchronous; what these tokens need is uniqueness (an
 * installation's local identifier, an idempotency key), not secrecy, so the time is followed by
 * Math.random output. (H5: random.h5.ts, Web Crypto.)
 */
export function randomToken(bytes: number): string {
  let out = Date.now().toString(16).padStart(12, '0').slice(-12)
  while (out.length < bytes * 2) out += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')
  return out.slice(0, bytes * 2)
}
