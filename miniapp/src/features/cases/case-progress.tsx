import type { CaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { caseProgress, type StepState } from './progress'
import { CASE_PROGRESS_STRINGS as S } from './strings'
import './case-progress.scss'

const MARKS: Record<StepState, string> = { done: '✓', current: '●', upcoming: '', stopped: '✕' }

/**
 * The step bar a case page leads with: the steps of the process with the one it is at (marked in words
 * and with a sign, not by colour alone), who holds it now, what is next and the working days left.
 */
export function CaseProgressBar({ detail }: { detail: Pick<CaseDetail, 'status' | 'deadlines' | 'organisationName' | 'visit' | 'evaluation' | 'actions'> }) {
  const progress = caseProgress(detail)
  return (
    <View className='case-progress' role='region' aria-label={S.region}>
      <View className='case-progress__steps' role='list'>
        {progress.steps.map((step, index) => (
          <View
            key={step.key}
            className={`case-progress__step case-progress__step--${step.state}`}
            role='listitem'
            aria-label={S.stepLabel(index + 1, step.label, S.stateWords[step.state])}
          >
            <Text className='case-progress__mark' aria-hidden='true'>
              {MARKS[step.state] || String(index + 1)}
            </Text>
            <Text className='case-progress__label' aria-hidden='true'>
              {step.label}
            </Text>
          </View>
        ))}
      </View>
      <View className='case-progress__summary'>
        <Text className='case-progress__now'>{progress.now}</Text>
        <Text className='case-progress__line'>{S.holder(progress.holder)}</Text>
        {progress.daysLeft !== null ? (
          <Text className={`case-progress__line${progress.overdue ? ' case-progress__line--overdue' : ''}`}>
            {progress.overdue ? S.overdue : S.daysLeft(progress.daysLeft)}
          </Text>
        ) : null}
        {progress.next ? <Text className='case-progress__line'>{S.nextStep(progress.next)}</Text> : null}
      </View>
    </View>
  )
}
