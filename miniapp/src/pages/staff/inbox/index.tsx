import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { StaffCaseSummary } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import type { CaseStatus } from '@ah-tourism/shared/src/cases/status'
import { useCallback, useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { FilterChips } from '@/components/filter-chips'
import { FormField } from '@/components/form-field'
import { ListFooter } from '@/components/list-footer'
import { SearchBar } from '@/components/search-bar'
import { Section } from '@/components/section'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { openMineTab } from '@/features/cases/routes'
import { listInbox, type OrganisationRef } from '@/features/staff/api'
import { OrganisationPicker } from '@/features/staff/organisation-picker'
import { INBOX_PAGE, staffCaseUrl } from '@/features/staff/routes'
import { SupervisionBanner } from '@/features/staff/supervision-banner'
import { useCursorPages } from '@/hooks/use-cursor-pages'
import { useInfiniteScroll } from '@/hooks/use-infinite-scroll'
import { InboxRow } from './inbox-row'
import { CASE_STATUS_NAMES } from '@/features/staff/labels'
import { INBOX_STRINGS as S } from './strings'
import { WorkbenchLinks } from './workbench-links'
import { usePageTitle } from '@/i18n/page-title'
import '@/components/form-field/index.scss'
import './index.scss'

const PAGE_SIZE = 20
const LIST_END_ID = 'inbox-end'
const CASE_NUMBER = /^\d{14}[0-9A-Z]{8}$/

/** The statuses a workbench filters by, in the order a case moves through them. */
const FILTERS: CaseStatus[] = ['pre_review', 'supplement_requested', 'accepted', 'special_procedure', 'reviewed', 'approved', 'refused', 'not_accepted', 'delivered']
const FILTER_OPTIONS = [{ value: null, label: S.all }, ...FILTERS.map((status) => ({ value: status, label: CASE_STATUS_NAMES[status] }))]
type Source = 'national_tourism_system'
const SOURCE_OPTIONS = [
  { value: null, label: S.sources.open },
  { value: 'national_tourism_system', label: S.sources.national },
]

/**
 * 工作台: pages/staff/inbox/index — the open cases of the staff member's organisation, soonest
 * deadline first, filtered by status (or the cases imported from the national tourism supervision
 * system, newest first), with infinite scroll and pull to refresh; a case number opens
 * its case directly. Provincial staff can look at another organisation's cases, read-only.
 */
export default function InboxPage() {
  usePageTitle()
  const user = useSignedIn(INBOX_PAGE)
  const userId = user?.userId ?? ''
  const staff = user?.staff
  const [status, setStatus] = useState<CaseStatus | null>(null)
  const [source, setSource] = useState<Source | null>(null)
  const [supervised, setSupervised] = useState<OrganisationRef | null>(null)
  const [readOnly, setReadOnly] = useState(false)
  const [numberError, setNumberError] = useState<string | null>(null)
  const shown = useRef(false)

  // Another organisation's code only: the API reads "no organisation" as the caller's own.
  const organisation = supervised && supervised.code !== staff?.organisationCode ? supervised : null
  const load = useCallback(
    (cursor: string | null) =>
      listInbox({ status: source ? null : status, organisation: organisation?.code, source, limit: PAGE_SIZE, cursor }).then((page) => {
        setReadOnly(page.readOnly)
        return { items: page.items, nextCursor: page.nextCursor }
      }),
    [status, source, organisation?.code],
  )
  const inbox = useCursorPages<StaffCaseSummary>(staff ? load : () => Promise.resolve({ items: [], nextCursor: null }), `${userId}:${status ?? ''}:${source ?? ''}:${organisation?.code ?? ''}`)
  const { pages } = inbox
  useInfiniteScroll(LIST_END_ID, inbox.loadMore, !!staff && pages.status === 'ready' && pages.hasMore)

  // Back from a case (it may have moved on): refresh without blanking the list.
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (staff) inbox.reload(true)
  })

  usePullDownRefresh(() => {
    inbox.reload(true)
    void Taro.stopPullDownRefresh()
  })

  const openNumber = (input: string) => {
    const caseNumber = input.trim().toUpperCase()
    if (!caseNumber) return setNumberError(null)
    if (!CASE_NUMBER.test(caseNumber)) return setNumberError(S.openInvalid)
    setNumberError(null)
    void Taro.navigateTo({ url: staffCaseUrl(caseNumber) })
  }

  if (!user) return <SignInRequired returnUrl={INBOX_PAGE} />
  if (!staff) return <StatusView kind='empty' title={S.notStaff} description={S.notStaffHint} actionText={S.toMine} onAction={openMineTab} />

  const renderList = () => {
    if (pages.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (pages.status === 'error') {
      return <StatusView kind='error' compact title={pages.error?.message ?? ''} actionText={S.retry} actionLabel={S.retryLabel} onAction={() => inbox.reload()} />
    }
    if (!pages.items.length) {
      if (source) return <StatusView kind='empty' compact title={S.emptyImported} description={S.emptyImportedHint} actionText={S.showOpen} onAction={() => setSource(null)} />
      return status ? (
        <StatusView kind='empty' compact title={S.emptyFiltered(CASE_STATUS_NAMES[status])} actionText={S.showAll} onAction={() => setStatus(null)} />
      ) : (
        <StatusView kind='empty' compact title={S.empty} description={S.emptyHint} actionText={S.refresh} actionLabel={S.refreshLabel} onAction={() => inbox.reload()} />
      )
    }
    return (
      <>
        <View className='case-list' role='list'>
          {pages.items.map((summary, index) => (
            <View key={summary.caseNumber} className={`case-list__row${index === 0 ? ' case-list__row--first' : ''}`} role='listitem'>
              <InboxRow summary={summary} />
            </View>
          ))}
        </View>
        <ListFooter className='inbox__footer' id={LIST_END_ID} pages={pages} onMore={inbox.loadMore} strings={S} />
      </>
    )
  }

  return (
    <View className='inbox'>
      <View className='inbox__header'>
        <View className='inbox__heading'>
          <View className='inbox__title' role='heading' aria-level={1}>
            {S.title}
          </View>
          <ActionButton variant='text' size='sm' label={S.refreshLabel} onTap={() => inbox.reload(true)}>
            {S.refresh}
          </ActionButton>
        </View>
        <Text className='inbox__organisation'>{organisation?.name ?? staff.organisationName}</Text>
        <SearchBar
          value=''
          placeholder={S.openPlaceholder}
          label={S.openLabel}
          submitText={S.open}
          clearLabel={S.openClear}
          onSearch={openNumber}
          onClear={() => setNumberError(null)}
        />
        {numberError ? (
          <View className='form-field__error' role='alert'>
            {numberError}
          </View>
        ) : null}
      </View>

      <WorkbenchLinks staff={staff} user={user} />

      {staff.level === 'province' ? (
        <Section title={S.supervise}>
          <FormField id='f-supervise' label={S.superviseField} hint={S.superviseText}>
            <OrganisationPicker
              id='f-supervise'
              label={S.superviseLabel}
              value={supervised}
              describedBy='f-supervise-hint'
              onChange={(picked) => picked && setSupervised(picked)}
            />
          </FormField>
          {organisation ? (
            <ActionButton variant='secondary' size='sm' onTap={() => setSupervised(null)}>
              {S.ownOrganisation}
            </ActionButton>
          ) : null}
        </Section>
      ) : null}

      {readOnly && organisation ? <SupervisionBanner inset text={S.readOnly(organisation.name)} /> : null}

      <View className='inbox__filters'>
        <FilterChips label={S.sourceFilter} options={SOURCE_OPTIONS} value={source} onChange={(value) => setSource(value as Source | null)} />
        {source ? null : <FilterChips label={S.statusFilter} options={FILTER_OPTIONS} value={status} onChange={(value) => setStatus(value as CaseStatus | null)} />}
      </View>

      <View className='inbox__list'>{renderList()}</View>
    </View>
  )
}
