import Taro from '@tarojs/taro'

/**
 * The evaluate page tells the page it came from that an evaluation was recorded, so that page
 * (still mounted beneath it) can show it without a reload of its own on every return.
 */
const EVALUATED = 'feedback:evaluated'

export function announceEvaluated(subjectId: string): void {
  Taro.eventCenter.trigger(EVALUATED, subjectId)
}

/** Subscribes for one subject; returns the unsubscribe function (for a useEffect cleanup). */
export function onEvaluated(subjectId: string, listener: () => void): () => void {
  const handler = (id: string) => {
    if (id === subjectId) listener()
  }
  Taro.eventCenter.on(EVALUATED, handler)
  return () => {
    Taro.eventCenter.off(EVALUATED, handler)
  }
}
