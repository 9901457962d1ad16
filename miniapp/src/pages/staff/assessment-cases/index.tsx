import type { FigureKey, StaffCaseSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { ListFooter } from '@/components/list-footer'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { listAssessmentCases } from '@/features/assessment/api'
import { rangeText } from '@/features/assessment/report'
import { DrillDownEmpty, DrillDownPage, returnUrlOf, type Which } from '@/features/assessment/drill-down'
import { ASSESSMENT_CASES_PAGE, paramText } from '@/features/assessment/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { FIGURE_KEYS } from '@ah-tourism/shared/src/assessment/model'
import { FIGURE_NAMES } from '@/features/assessment/strings'
import { InboxRow } from '../inbox/inbox-row'
import { ASSESSMENT_CASES_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/features/cases/case-view.scss'
import '../inbox/index.scss'
import './index.scss'

const LIST_END_ID = 'assessment-cases-end'
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/**
 * pages/staff/assessment-cases/index — the cases behind one figure of a report (scope, period and
 * figure from the address): those that count against it by default, or every case it counted; a page
 * at a time (加载更多), each opening the staff case page.
 */
export default function AssessmentCasesPage() {
  usePageTitle()
  const { params } = useRouter()
  const figure = paramText(params.figure) as FigureKey
  const scope = paramText(params.scope)
  const scopeName = paramText(params.scopeName)
  const from = paramText(params.from)
  const to = paramText(params.to)
  const valid = (FIGURE_KEYS as string[]).includes(figure) && !!scope && MONTH.test(from) && MONTH.test(to)
  const returnUrl = returnUrlOf(ASSESSMENT_CASES_PAGE, params)
  const user = useSignedIn(returnUrl)
  const [which, setWhich] = useState<Which>('failing')

  const load = useCallback(
    (cursor: string | null) => (valid && user ? listAssessmentCases({ scope, from, to, figure, which }, cursor) : Promise.resolve({ items: [] as StaffCaseSummary[], nextCursor: null })),
    [valid, user?.userId, scope, from, to, figure, which],
  )
  const cases = useCursorPages<StaffCaseSummary>(load, `${user?.userId ?? ''}:${scope}:${from}:${to}:${figure}:${which}`)
  const { pages } = cases
  useInfiniteScroll(LIST_END_ID, cases.loadMore, pages.status === 'ready' && pages.hasMore)

  if (!user) return <SignInRequired returnUrl={returnUrl} />
  if (!valid) return <StatusView kind='error' title={S.badLink} actionText={S.back} onAction={() => void Taro.navigateBack()} />

  const renderList = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (pages.status === 'error') return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => cases.reload()} />
    if (!pages.items.length) return <DrillDownEmpty which={which} strings={S} onShowAll={() => setWhich('all')} />
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((summary, index) => (
            <View key={summary.caseNumber} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
              <InboxRow summary={summary} />
            </View>
          ))}
        </View>
        <ListFooter className='inbox__footer' id={LIST_END_ID} pages={pages} onMore={cases.loadMore} strings={S} />
      </>
    )
  }

  return (
    <DrillDownPage
      className='assessment-cases'
      figure={figure}
      subtitle={`${scopeName || scope} · ${rangeText({ from, to })}`}
      header={<Text className='assessment-cases__description'>{FIGURE_NAMES[figure].description}</Text>}
      which={which}
      strings={S}
      onWhich={setWhich}
    >
      {renderList()}
    </DrillDownPage>
  )
}
