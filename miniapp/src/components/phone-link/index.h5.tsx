import './index.scss'
import type { PhoneLinkProps } from './index'

/** H5 variant: a real tel: link, so browsers, screen readers and tests see a link. */
export function PhoneLink({ phone, purpose }: PhoneLinkProps) {
  return (
    <a className='phone-link' href={`tel:${phone.replace(/-/g, '')}`} aria-label={`拨打${purpose} ${phone}`}>
      <span className='phone-link__glyph' aria-hidden='true'>☎</span>
      <span className='phone-link__number'>{phone}</span>
    </a>
  )
}
