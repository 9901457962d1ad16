/** H5 variant: `bytes` random bytes from Web Crypto, as lower-case hex. */
export function randomToken(bytes: number): string {
  const values = new Uint8Array(bytes)
  crypto.getRandomValues(values)
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('')
}
