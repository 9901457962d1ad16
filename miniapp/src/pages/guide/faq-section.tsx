import type { FaqEntry } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { Section } from '@/components/section'
import { listFaq } from '@/features/feedback/api'
import { useRemote } from '@/hooks/use-remote'
import { GUIDE_STRINGS as S } from './strings'

function FaqItem({ entry, index }: { entry: FaqEntry; index: number }) {
  const [open, setOpen] = useState(false)
  const answerId = `faq-answer-${index}`
  return (
    <View className={`faq${index === 0 ? ' faq--first' : ''}`} role='listitem'>
      <View
        className='faq__question'
        role='button'
        aria-role='button'
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={answerId}
        hoverClass='faq__question--pressed'
        onClick={() => setOpen(!open)}
      >
        <Text className='faq__mark' aria-hidden='true'>
          {S.faqQuestionMark}
        </Text>
        <Text className='faq__text'>{entry.question}</Text>
        <Text className='faq__caret' aria-hidden='true'>
          {open ? '▴' : '▾'}
        </Text>
      </View>
      {open ? (
        <View className='faq__answer' id={answerId}>
          <Text className='faq__mark faq__mark--answer' aria-hidden='true'>
            {S.faqAnswerMark}
          </Text>
          <Text className='faq__text'>{entry.answer}</Text>
        </View>
      ) : null}
    </View>
  )
}

/**
 * 常见问题 of the item (GET /catalog/items/{code}/faq), published from answered consultations; each
 * answer opens under its question. Nothing shows while loading, on failure or when there are none:
 * the guide reads the same without it.
 */
export function FaqSection({ code }: { code: string }) {
  const load = useCallback(() => listFaq(code), [code])
  const { remote } = useRemote(load, code)
  if (remote.status !== 'ready' || !remote.data.length) return null
  return (
    <Section title={S.faq} note={S.faqCount(remote.data.length)}>
      <View role='list' aria-label={S.faq}>
        {remote.data.map((entry, index) => (
          <FaqItem key={entry.faqId} entry={entry} index={index} />
        ))}
      </View>
    </Section>
  )
}
