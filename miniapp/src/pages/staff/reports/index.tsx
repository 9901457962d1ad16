import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { FailedReport, ReportCountsView } from '@ah-tourism/shared/src/reports/api'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { ListFooter } from '@/components/list-footer'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openMineTab } from '@/features/cases/routes'
import { listFailedReports, replayFailedReport } from '@/features/staff/reports-api'
import { REPORTS_PAGE } from '@/features/staff/routes'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { toApiError } from '@/services/api-error'
import { ReportRow } from './report-row'
import { REPORTS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/features/staff/feedback-view.scss'
import './index.scss'
import { ListPageHeader } from '@/features/staff/list-page-header'

const PAGE_SIZE = 20
const LIST_END_ID = 'reports-end'

/**
 * 上报监控: pages/staff/reports/index — the organisation's reports upward that the provincial platform
 * refused or that were given up after the last retry (what, why, since when), each with 重新上报, and the
 * organisation's late and failed counts of the last 30 days. Organisation admins see their own;
 * provincial administrators every organisation's.
 */
export default function ReportsPage() {
  usePageTitle()
  const user = useSignedIn(REPORTS_PAGE)
  const staff = user?.staff
  const allowed = !!user?.provincialAdmin || !!staff?.permissions.includes('org_admin')
  const [counts, setCounts] = useState<ReportCountsView | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async (cursor: string | null) => {
    const page = await listFailedReports({ limit: PAGE_SIZE, cursor })
    if (!cursor) setCounts(page.counts)
    return page
  }, [])
  const reports = useCursorPages<FailedReport>(allowed ? load : () => Promise.resolve({ items: [], nextCursor: null }), `${user?.userId ?? ''}`)
  const { pages } = reports
  useInfiniteScroll(LIST_END_ID, reports.loadMore, allowed && pages.status === 'ready' && pages.hasMore)

  usePullDownRefresh(() => {
    reports.reload(true)
    void Taro.stopPullDownRefresh()
  })

  const replay = async (report: FailedReport) => {
    if (busy) return
    setBusy(report.reportId)
    try {
      const result = await replayFailedReport(report.reportId)
      const title = result.state === 'delivered' ? S.replayed : result.state === 'pending' ? S.replayPending : S.replayStill(result.stateLabel)
      void Taro.showToast({ title, icon: result.state === 'delivered' ? 'success' : 'none', duration: 2500 })
      reports.reload(true)
    } catch (caught) {
      void Taro.showToast({ title: toApiError(caught).message, icon: 'none', duration: 3000 })
    } finally {
      setBusy(null)
    }
  }

  if (!user) return <SignInRequired returnUrl={REPORTS_PAGE} />
  if (!allowed) return <StatusView kind='empty' title={S.notAdmin} description={S.notAdminHint} actionText={S.toMine} onAction={openMineTab} />

  const renderList = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (pages.status === 'error') return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => reports.reload()} />
    if (!pages.items.length) return <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={() => reports.reload()} />
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((report, index) => (
            <View key={report.reportId} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
              <ReportRow report={report} busy={busy === report.reportId} onReplay={() => void replay(report)} />
            </View>
          ))}
        </View>
        <ListFooter className='feedback-list-page__footer' id={LIST_END_ID} pages={pages} onMore={reports.loadMore} strings={S} />
      </>
    )
  }

  return (
    <View className='feedback-list-page'>
      <ListPageHeader title={S.title} refresh={S.refresh} refreshLabel={S.refreshLabel} onRefresh={() => reports.reload(true)} organisation={staff && !user.provincialAdmin ? staff.organisationName : S.province} text={S.text} />

      {counts ? (
        <Section title={S.counts}>
          <View className='report-counts' aria-label={S.countsLabel(counts.late, counts.failed, counts.lateAfterMinutes)}>
            <View className='report-counts__item'>
              <Text className='report-counts__name'>{S.late}</Text>
              <Text className='report-counts__value'>{S.countUnit(counts.late)}</Text>
            </View>
            <View className='report-counts__item'>
              <Text className='report-counts__name'>{S.failed}</Text>
              <Text className='report-counts__value'>{S.countUnit(counts.failed)}</Text>
            </View>
          </View>
          <Text className='feedback-list-page__text'>{S.lateHint(counts.lateAfterMinutes)}</Text>
        </Section>
      ) : null}

      <View className='feedback-list-page__list'>{renderList()}</View>
    </View>
  )
}
