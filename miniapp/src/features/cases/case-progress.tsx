import type { CaseDetail } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { caseProgress, type StepState } from './progress'
import './case-progress.scss'

const STATE_WORDS: Record<StepState, string> = { done: '已完成', current: '当前', upcoming: '未开始', stopped: '已终止' }
const MARKS: Record<StepState, string> = { done: '✓', current: '●', upcoming: '', stopped: '✕' }

/**
 * The step bar a case page leads with: the steps of the process with the one it is at (marked in words
 * and with a sign, not by colour alone), who holds it now, what is next and the working days left.
 */
export function CaseProgressBar({ detail }: { detail: Pick<CaseDetail, 'status' | 'deadlines' | 'organisationName' | 'visit' | 'evaluation' | 'actions'> }) {
  const progress = caseProgress(detail)
  return (
    <View className='case-progress' role='region' aria-label='办理进度'>
      <View className='case-progress__steps' role='list'>
        {progress.steps.map((step, index) => (
          <View
            key={step.key}
            className={`case-progress__step case-progress__step--${step.state}`}
            role='listitem'
            aria-label={`第${index + 1}步 ${step.label}，${STATE_WORDS[step.state]}`}
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
        <Text className='case-progress__line'>{`当前办理：${progress.holder}`}</Text>
        {progress.daysLeft !== null ? (
          <Text className={`case-progress__line${progress.overdue ? ' case-progress__line--overdue' : ''}`}>
            {progress.overdue ? '已超过办理时限' : `剩余 ${progress.daysLeft} 个工作日`}
          </Text>
        ) : null}
        {progress.next ? <Text className='case-progress__line'>{`下一步：${progress.next}`}</Text> : null}
      </View>
    </View>
  )
}
