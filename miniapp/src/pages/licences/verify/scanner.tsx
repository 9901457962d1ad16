import Taro from '@tarojs/taro'
import { ActionButton } from '@/components/action-button'
import { VERIFY_STRINGS as S } from './strings'

export interface ScannerProps {
  /** What the scanned QR code carries. */
  onScanned: (text: string) => void
  onProblem: (message: string) => void
}

/** Mini-program variant: WeChat's own scanner (camera or a picture from the album). (H5: scanner.h5.tsx.) */
export function Scanner({ onScanned, onProblem }: ScannerProps) {
  const scan = () => {
    Taro.scanCode({ scanType: ['qrCode'] }).then(
      ({ result }) => onScanned(result),
      (failure: { errMsg?: string }) => {
        // Closing the scanner is not a failure.
        if (!/cancel/i.test(failure?.errMsg ?? '')) onProblem(S.scanFailed)
      },
    )
  }
  return (
    <ActionButton block label={S.scanLabel} onTap={scan}>
      {S.scan}
    </ActionButton>
  )
}
