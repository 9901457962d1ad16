import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUri } from './qr'
import { LICENCE_STRINGS as S } from './strings'
import './licence-view.scss'

export interface QrCodeProps {
  /** What the code carries (a licence's token). */
  value: string
  /** Spoken name of the image. */
  label: string
  /** 出示: as large as the screen allows. */
  large?: boolean
}

/** A QR code drawn as an SVG image, the same on weapp and H5 (see qr.ts). */
export function QrCode({ value, label, large = false }: QrCodeProps) {
  const src = useMemo(() => {
    try {
      return qrDataUri(value)
    } catch {
      // Longer than a QR code holds: not a token of this system.
      return null
    }
  }, [value])
  return (
    <View className={`licence-qr${large ? ' licence-qr--large' : ''}`}>
      {src ? (
        <View role='img' aria-role='img' aria-label={label}>
          <Image className='licence-qr__image' src={src} mode='aspectFit' aria-hidden='true' />
        </View>
      ) : (
        <View className='licence-qr__failed' role='alert'>
          {S.qrFailed}
        </View>
      )}
    </View>
  )
}
