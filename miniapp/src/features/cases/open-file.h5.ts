import type { DownloadLink } from './api'

/**
 * H5 variant: follows the short-lived link with a plain anchor; the storage answers with
 * `Content-Disposition: attachment`, so the browser saves the file under its original name and the
 * app stays where it is.
 */
export async function openDownloadedFile(link: Pick<DownloadLink, 'url' | 'fileName'>, _contentType: string): Promise<void> {
  const anchor = document.createElement('a')
  anchor.href = link.url
  anchor.download = link.fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  anchor.remove()
}
