import type { EvaluationRequest, FieldIssue } from '@ah-tourism/shared'
import {
  BAD_REVIEW_TAGS,
  COMMENT_MAX_LENGTH,
  EVALUATION_DIMENSION_KEYS,
  EVALUATION_DIMENSIONS,
  EVALUATION_LEVEL_KEYS,
  EVALUATION_LEVELS,
  PRAISE_TAGS,
  isBadReview,
  type EvaluationDimension,
  type EvaluationLevel,
  type EvaluationTag,
} from '@ah-tourism/shared/src/feedback/model'
import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '@/components/action-button'
import { describedBy, FormField } from '@/components/form-field'
import { CheckGroup } from '@/components/form-field/check-group'
import { TextArea } from '@/components/form-field/text-area'
import { scrollToId } from '@/services/scroll'
import { lengthOf } from './format'
import { FEEDBACK_STRINGS as S } from './strings'
import '@/components/form-field/index.scss'
import './evaluation-form.scss'

export interface EvaluationFormProps {
  /** Called with a complete request; the caller sends it and handles the answer. */
  onSubmit: (request: EvaluationRequest) => void | Promise<void>
  submitting: boolean
  /** Heading above the form (default 评价本次服务). */
  title?: string
  /** What the API answered, shown above the button: the message, and field issues under their field. */
  error?: { message: string; details?: FieldIssue[] } | null
  /** Extra fields between the comment and the button (e.g. who is evaluating, for staff recording on behalf). */
  children?: ReactNode
}

const LEVEL_ID = 'f-evaluation-level'
const COMMENT_ID = 'f-evaluation-comment'
const TAGS_ID = 'f-evaluation-tags'

const levelOptions = EVALUATION_LEVEL_KEYS.map((key) => ({ value: key, label: EVALUATION_LEVELS[key].label }))
const tagOptions = (bad: boolean) => Object.entries(bad ? BAD_REVIEW_TAGS : PRAISE_TAGS).map(([value, label]) => ({ value, label }))

/**
 * 好差评 form of GB/T 39734: the five levels as large choices (a radio group named 总体评价), the four
 * online dimensions (optional, a radio group each; tapping the chosen level again clears it), tags that
 * follow the level (the causes of a bad review, or praise), and a comment with a live counter.
 * Used by the citizen's evaluate page and by staff recording an evaluation on someone's behalf.
 */
export function EvaluationForm({ onSubmit, submitting, title = S.evaluationTitle, error, children }: EvaluationFormProps) {
  const [level, setLevel] = useState<EvaluationLevel | null>(null)
  const [dimensions, setDimensions] = useState<Partial<Record<EvaluationDimension, EvaluationLevel>>>({})
  const [tags, setTags] = useState<EvaluationTag[]>([])
  const [comment, setComment] = useState('')
  const [issues, setIssues] = useState<Record<string, string>>({})

  const bad = level ? isBadReview(level) : false
  const used = lengthOf(comment)
  const apiIssue = (path: string) => error?.details?.find((d) => d.path === path || d.path.startsWith(`${path}.`) || d.path.startsWith(`${path}[`))?.message
  const issueOf = (path: string) => issues[path] ?? apiIssue(path)

  const chooseLevel = (next: EvaluationLevel) => {
    // Tags belong to one side (bad or praise): switching sides drops the other side's tags.
    if (level && isBadReview(level) !== isBadReview(next)) setTags([])
    setLevel(next)
    setIssues(({ level: _dropped, ...rest }) => rest)
  }

  const chooseDimension = (dimension: EvaluationDimension, value: EvaluationLevel) =>
    setDimensions((previous) => {
      const { [dimension]: current, ...rest } = previous
      return current === value ? rest : { ...rest, [dimension]: value }
    })

  const submit = () => {
    if (submitting) return
    const found: Record<string, string> = {}
    if (!level) found.level = S.levelMissing
    if (used > COMMENT_MAX_LENGTH) found.comment = S.commentTooLong(COMMENT_MAX_LENGTH)
    setIssues(found)
    if (!level || found.comment) {
      scrollToId(found.level ? LEVEL_ID : COMMENT_ID)
      return
    }
    const text = comment.trim()
    const request: EvaluationRequest = {
      level,
      ...(Object.keys(dimensions).length ? { dimensions } : {}),
      ...(tags.length ? { tags } : {}),
      ...(text ? { comment: text } : {}),
    }
    void onSubmit(request)
  }

  const levelError = issueOf('level')
  const commentError = issueOf('comment')
  const tagsError = issueOf('tags')
  const unplaced = (error?.details ?? []).filter((d) => !/^(level|dimensions|tags|comment)\b/.test(d.path)).map((d) => d.message)
  const problem = error ? [error.message, ...unplaced].join(S.problemSeparator) : Object.keys(issues).length ? S.fix : null

  return (
    <View className='evaluation-form' role='form' aria-label={title}>
      <View className='evaluation-form__title' role='heading' aria-level={2}>
        {title}
      </View>

      <FormField id={LEVEL_ID} label={S.level} required error={levelError}>
        <View className={`evaluation-levels${levelError ? ' evaluation-levels--invalid' : ''}`} role='radiogroup' aria-label={S.level} aria-describedby={describedBy(LEVEL_ID, false, !!levelError)}>
          {levelOptions.map((option) => {
            const selected = option.value === level
            const tone = EVALUATION_LEVELS[option.value].bad ? 'bad' : 'good'
            return (
              <View
                key={option.value}
                className={`evaluation-levels__option evaluation-levels__option--${tone}${selected ? ' evaluation-levels__option--selected' : ''}`}
                role='radio'
                aria-role='radio'
                aria-checked={selected ? 'true' : 'false'}
                aria-label={option.label}
                onClick={() => chooseLevel(option.value)}
              >
                <Text className='evaluation-levels__mark' aria-hidden='true'>{selected ? '◉' : '○'}</Text>
                <Text className='evaluation-levels__label'>{option.label}</Text>
                <Text className='evaluation-levels__stars' aria-hidden='true'>{'★'.repeat(EVALUATION_LEVELS[option.value].score)}</Text>
              </View>
            )
          })}
        </View>
      </FormField>
      {bad ? <Text className='evaluation-form__note evaluation-form__note--bad'>{S.badReviewNote}</Text> : null}

      <View className='evaluation-form__group'>
        <View className='evaluation-form__group-title' role='heading' aria-level={3}>
          <Text>{S.dimensions}</Text>
          <Text className='evaluation-form__optional'>{S.optional}</Text>
        </View>
        <Text className='evaluation-form__hint'>{S.dimensionsHint}</Text>
        {EVALUATION_DIMENSION_KEYS.map((dimension) => {
          const label = EVALUATION_DIMENSIONS[dimension]
          return (
            <View key={dimension} className='evaluation-dimension'>
              <Text className='evaluation-dimension__label' aria-hidden='true'>{label}</Text>
              <View className='evaluation-dimension__options' role='radiogroup' aria-label={label}>
                {levelOptions.map((option) => {
                  const selected = dimensions[dimension] === option.value
                  return (
                    <View
                      key={option.value}
                      className={`evaluation-dimension__option${selected ? ' evaluation-dimension__option--selected' : ''}`}
                      role='radio'
                      aria-role='radio'
                      aria-checked={selected ? 'true' : 'false'}
                      aria-label={option.label}
                      onClick={() => chooseDimension(dimension, option.value)}
                    >
                      {option.label}
                    </View>
                  )
                })}
              </View>
            </View>
          )
        })}
      </View>

      <FormField id={TAGS_ID} label={level ? (bad ? S.tags.bad : S.tags.praise) : S.tags.praise} hint={level ? S.tagsHint : S.tagsPickLevelFirst} error={tagsError}>
        {level ? (
          <CheckGroup
            label={bad ? S.tags.bad : S.tags.praise}
            options={tagOptions(bad)}
            values={tags}
            invalid={!!tagsError}
            describedBy={describedBy(TAGS_ID, true, !!tagsError)}
            onChange={(values) => setTags(values as EvaluationTag[])}
          />
        ) : null}
      </FormField>

      <FormField id={COMMENT_ID} label={S.comment} hint={S.privacyNote} error={commentError}>
        <TextArea
          id={COMMENT_ID}
          value={comment}
          label={S.comment}
          placeholder={bad ? S.commentPlaceholder.bad : S.commentPlaceholder.praise}
          maxLength={COMMENT_MAX_LENGTH}
          invalid={!!commentError}
          describedBy={describedBy(COMMENT_ID, true, !!commentError)}
          onChange={(value) => {
            setComment(value)
            setIssues(({ comment: _dropped, ...rest }) => rest)
          }}
        />
        <Text className={`evaluation-form__counter${used > COMMENT_MAX_LENGTH ? ' evaluation-form__counter--over' : ''}`} aria-label={S.commentCounterLabel(used, COMMENT_MAX_LENGTH)} aria-live='polite'>
          {S.commentCounter(used, COMMENT_MAX_LENGTH)}
        </Text>
      </FormField>

      {children}

      {problem ? (
        <View className='evaluation-form__problem' role='alert'>
          {problem}
        </View>
      ) : null}
      <ActionButton block disabled={submitting} onTap={submit}>
        {submitting ? S.submitting : S.submit}
      </ActionButton>
    </View>
  )
}
