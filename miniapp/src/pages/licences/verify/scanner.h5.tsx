import { Text, View } from '@tarojs/components'
import jsQR from 'jsqr'
import { useEffect, useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import type { ScannerProps } from './scanner'
import { VERIFY_STRINGS as S } from './strings'

/** Frames are scaled to at most this width before decoding: enough for a licence's code, light on a phone. */
const FRAME_WIDTH = 960

/**
 * H5 variant: the phone's rear camera in the page (getUserMedia, which browsers allow on HTTPS and
 * localhost only), each frame decoded with jsQR until a code is found.
 */
export function Scanner({ onScanned, onProblem }: ScannerProps) {
  const [state, setState] = useState<'idle' | 'starting' | 'scanning'>('idle')
  const video = useRef<HTMLVideoElement | null>(null)
  const stream = useRef<MediaStream | null>(null)
  const frame = useRef<number | null>(null)

  const stop = () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current)
    frame.current = null
    stream.current?.getTracks().forEach((track) => track.stop())
    stream.current = null
    setState('idle')
  }

  useEffect(() => stop, [])

  const decodeLoop = (canvas: HTMLCanvasElement) => {
    const element = video.current
    const context = canvas.getContext('2d', { willReadFrequently: true })
    if (!element || !context || !stream.current) return
    if (element.readyState >= element.HAVE_ENOUGH_DATA && element.videoWidth) {
      const scale = Math.min(1, FRAME_WIDTH / element.videoWidth)
      canvas.width = Math.round(element.videoWidth * scale)
      canvas.height = Math.round(element.videoHeight * scale)
      context.drawImage(element, 0, 0, canvas.width, canvas.height)
      const image = context.getImageData(0, 0, canvas.width, canvas.height)
      const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })
      if (found?.data) {
        stop()
        onScanned(found.data)
        return
      }
    }
    frame.current = requestAnimationFrame(() => decodeLoop(canvas))
  }

  const start = async () => {
    if (state !== 'idle') return
    if (!navigator.mediaDevices?.getUserMedia) return onProblem(S.cameraUnavailable)
    setState('starting')
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
    } catch (caught) {
      setState('idle')
      return onProblem((caught as { name?: string })?.name === 'NotAllowedError' ? S.cameraDenied : S.cameraUnavailable)
    }
    setState('scanning')
  }

  // Once the video element is on screen: play the stream and decode.
  useEffect(() => {
    if (state !== 'scanning' || !video.current || !stream.current) return
    video.current.srcObject = stream.current
    void video.current.play().catch(() => undefined)
    decodeLoop(document.createElement('canvas'))
  }, [state])

  if (state === 'idle') {
    return (
      <ActionButton block label={S.scanLabel} onTap={() => void start()}>
        {S.camera}
      </ActionButton>
    )
  }
  return (
    <View className='verify-camera'>
      {state === 'starting' ? <Text className='verify-camera__hint'>{S.cameraStarting}</Text> : null}
      <video ref={video} className='verify-camera__video' playsInline muted aria-label={S.cameraLabel} />
      <Text className='verify-camera__hint'>{S.cameraHint}</Text>
      <ActionButton block variant='secondary' onTap={stop}>
        {S.cameraStop}
      </ActionButton>
    </View>
  )
}
