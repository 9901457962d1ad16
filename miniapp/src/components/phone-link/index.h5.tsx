import './index.scss'
import type { PhoneLinkProps } from './index'
import { PHONE_LINK_STRINGS as S } from './strings'

/** H5 variant: a real tel: link, so browsers, screen readers and tests see a link. */
export function PhoneLink({ phone, purpose }: PhoneLinkProps) {
  return (
    <a className='phone-link' href={`tel:${phone.replace(/-/g, '')}`} aria-label={S.call(purpose, phone)}>
      <span className='phone-link__glyph' aria-hidden='true'>☎</span>
      <span className='phone-link__number'>{phone}</span>
    </a>
  )
}
