export { chinaClock, chinaDate, chinaDateTime, chinaDay, chinaTimeRange } from '@ah-tourism/shared/src/text/china-time'

/** 2048 → 2.0 KB, 1536000 → 1.5 MB */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
