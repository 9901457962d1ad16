import Taro from '@tarojs/taro'
import type { Consultation } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { TextArea } from '@/components/form-field/text-area'
import { StatusTag } from '@/features/cases/case-card'
import { chinaDateTime } from '@/features/cases/format'
import { answerConsultation, promoteToFaq } from '@/features/staff/feedback-api'
import { lastDay } from '@/features/feedback/format'
import { FEEDBACK_STRINGS as F } from '@/features/staff/feedback-strings'
import { FeedbackTag, MarkerRow, ProblemBox } from '@/features/staff/feedback-view'
import { textProblem, useFeedbackAction } from '@/features/staff/use-feedback-action'
import type { ApiError } from '@/services/api-error'
import { CONSULTATIONS_STRINGS as S } from './strings'

const MAX = { answer: 1000, question: 200 }

export interface ConsultationCardProps {
  consultation: Consultation
  onChanged: (next: Consultation) => void
  onStale: (error: ApiError) => void
}

/** 答复: the answer written inline under the question. */
function AnswerForm({ consultation, onChanged, onStale }: ConsultationCardProps) {
  const [answer, setAnswer] = useState('')
  const [attempted, setAttempted] = useState(false)
  const { submitting, serverIssues, problems, run, clearIssue } = useFeedbackAction()
  const id = `f-answer-${consultation.consultationId}`
  const error = serverIssues.answer ?? (attempted ? textProblem(answer, S.answerMissing, MAX.answer, F.tooLong) : undefined)
  const submit = () => {
    setAttempted(true)
    if (textProblem(answer, S.answerMissing, MAX.answer, F.tooLong)) return
    void run({
      send: () => answerConsultation(consultation.consultationId, { version: consultation.version, answer: answer.trim() }),
      fields: ['answer'],
      onDone: (next) => {
        void Taro.showToast({ title: S.answeredToast, icon: 'success' })
        onChanged(next)
      },
      onStale,
    })
  }
  return (
    <View className='consultation__form'>
      <FormField id={id} label={S.answer} required error={error}>
        <TextArea
          id={id}
          value={answer}
          label={S.answer}
          placeholder={S.answerPlaceholder}
          maxLength={MAX.answer}
          invalid={!!error}
          describedBy={describedBy(id, false, !!error)}
          onChange={(value) => {
            setAnswer(value)
            clearIssue('answer')
          }}
        />
      </FormField>
      <ProblemBox title={S.otherProblems} messages={problems} />
      <View className='case-buttons'>
        <ActionButton disabled={submitting} onTap={submit}>
          {submitting ? F.submitting : S.submitAnswer}
        </ActionButton>
      </View>
    </View>
  )
}

/** 发布到常见问题: the question and answer, editable, published into the item's guide. */
function PromoteForm({ consultation, onChanged, onStale, onCancel }: ConsultationCardProps & { onCancel: () => void }) {
  const [question, setQuestion] = useState(consultation.question)
  const [answer, setAnswer] = useState(consultation.answer ?? '')
  const [attempted, setAttempted] = useState(false)
  const { submitting, serverIssues, problems, run, clearIssue } = useFeedbackAction()
  const ids = { question: `f-faq-question-${consultation.consultationId}`, answer: `f-faq-answer-${consultation.consultationId}` }
  const local = {
    question: textProblem(question, S.faqQuestionMissing, MAX.question, F.tooLong),
    answer: textProblem(answer, S.faqAnswerMissing, MAX.answer, F.tooLong),
  }
  const errorFor = (path: 'question' | 'answer') => serverIssues[path] ?? (attempted ? local[path] : undefined)
  const submit = () => {
    setAttempted(true)
    if (local.question || local.answer) return
    // Only what was polished is sent; the rest is published as asked and answered.
    const body: { question?: string; answer?: string } = {}
    if (question.trim() !== consultation.question) body.question = question.trim()
    if (answer.trim() !== (consultation.answer ?? '')) body.answer = answer.trim()
    void run({
      send: () => promoteToFaq(consultation.consultationId, body),
      fields: ['question', 'answer'],
      onDone: (next) => {
        void Taro.showToast({ title: S.promoted, icon: 'success' })
        onChanged(next)
      },
      onStale,
    })
  }
  const field = (path: 'question' | 'answer', title: string, value: string, onChange: (value: string) => void) => {
    const error = errorFor(path)
    return (
      <FormField id={ids[path]} label={title} required error={error}>
        <TextArea
          id={ids[path]}
          value={value}
          label={title}
          maxLength={MAX[path]}
          invalid={!!error}
          describedBy={describedBy(ids[path], false, !!error)}
          onChange={(next) => {
            onChange(next)
            clearIssue(path)
          }}
        />
      </FormField>
    )
  }
  return (
    <View className='consultation__form'>
      <Text className='consultation__hint'>{S.promoteText}</Text>
      {field('question', S.faqQuestion, question, setQuestion)}
      {field('answer', S.faqAnswer, answer, setAnswer)}
      <ProblemBox title={S.otherProblems} messages={problems} />
      <View className='case-buttons'>
        <ActionButton variant='text' onTap={onCancel}>
          {S.cancel}
        </ActionButton>
        <ActionButton disabled={submitting} onTap={submit}>
          {submitting ? F.submitting : S.confirmPromote}
        </ActionButton>
      </View>
    </View>
  )
}

/**
 * One consultation: the item, the question, who asked (masked) through which channel; open ones with
 * their deadline and the answer form, answered ones with the answer and 发布到常见问题 / 已发布.
 */
export function ConsultationCard(props: ConsultationCardProps) {
  const { consultation: c } = props
  const [promoting, setPromoting] = useState(false)
  const open = c.status === 'open'
  return (
    <View className='consultation' role='group' aria-label={S.groupLabel(c.itemName, c.question)}>
      <View className='case-card__top'>
        <Text className='case-card__name'>{c.itemName}</Text>
        <StatusTag status={c.status} label={c.statusLabel} />
      </View>
      <Text className='consultation__question'>{c.question}</Text>
      <Text className='case-card__line case-card__line--muted'>{S.asker(c.askerName, c.channelLabel, chinaDateTime(c.askedAt))}</Text>
      {open ? (
        <>
          <MarkerRow>
            <FeedbackTag tone={c.overdue ? 'danger' : 'primary'}>{S.answerBy(lastDay(c.dueAt))}</FeedbackTag>
            {c.overdue ? <FeedbackTag tone='danger'>{F.overdue}</FeedbackTag> : null}
          </MarkerRow>
          <AnswerForm {...props} />
        </>
      ) : (
        <>
          <View className='consultation__answer'>
            <Text className='consultation__answer-title'>{S.answer}</Text>
            <Text className='consultation__answer-text'>{c.answer}</Text>
            {c.answeredAt ? <Text className='case-card__line case-card__line--muted'>{c.answeredBy ? S.answeredAtBy(chinaDateTime(c.answeredAt), c.answeredBy) : S.answeredAt(chinaDateTime(c.answeredAt))}</Text> : null}
          </View>
          {c.inFaq ? (
            <MarkerRow>
              <FeedbackTag tone='good'>{S.inFaq}</FeedbackTag>
              <Text className='case-card__line case-card__line--muted'>{S.inFaqNote}</Text>
            </MarkerRow>
          ) : promoting ? (
            <PromoteForm {...props} onCancel={() => setPromoting(false)} />
          ) : (
            <View className='case-buttons'>
              <ActionButton variant='secondary' size='sm' onTap={() => setPromoting(true)}>
                {S.promote}
              </ActionButton>
            </View>
          )}
        </>
      )}
    </View>
  )
}
