import type { AssessmentItem, FigureKey } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { StatusView } from '@/components/status-view'
import { SignInRequired, useSignedIn } from '@/features/account/sign-in'
import { listAssessmentItems } from '@/features/assessment/api'
import { opensItems } from '@/features/assessment/report'
import { DrillDownEmpty, DrillDownPage, returnUrlOf, type Which } from '@/features/assessment/drill-down'
import { ASSESSMENT_ITEMS_PAGE, paramText } from '@/features/assessment/routes'
import { onlineDepthName, visitsText } from '@/features/catalog/labels'
import { openGuide } from '@/features/catalog/routes'
import { useRemote } from '@/hooks/use-remote'
import { FIGURE_KEYS } from '@ah-tourism/shared/src/assessment/model'
import { FIGURE_NAMES } from '@/features/assessment/strings'
import { STAFF_FEATURE_STRINGS as SF } from '@/features/staff/strings'
import { ASSESSMENT_ITEMS_STRINGS as S } from './strings'
import { usePageTitle } from '@/i18n/page-title'
import '@/features/catalog/item-card.scss'
import '../inbox/index.scss'
import './index.scss'

function ItemRow({ item }: { item: AssessmentItem }) {
  const mark = item.failing ? S.failingMark : S.metMark
  const reason = item.negativeListReason ? S.reason(item.negativeListReason) : null
  const parts = [item.name, item.organisationName, onlineDepthName(item.onlineDepth), visitsText(item.visitsRequired), ...(item.negativeListed ? [S.negativeListed] : []), ...(reason ? [reason] : []), mark]
  return (
    <View className='item-card' role='link' aria-role='link' aria-label={S.itemLink(parts.join(S.partSeparator))} hoverClass='item-card--pressed' onClick={() => openGuide(item.implementationCode)}>
      <View className='item-card__main' aria-hidden='true'>
        <Text className='item-card__name'>{item.name}</Text>
        <Text className='item-card__organisation'>{item.organisationName}</Text>
        <View className='item-card__tags'>
          <Text className={`assessment-items__mark assessment-items__mark--${item.failing ? 'failing' : 'met'}`}>{mark}</Text>
          <Text className={`item-card__tag${item.onlineDepth >= 3 ? ' item-card__tag--good' : ''}`}>{onlineDepthName(item.onlineDepth)}</Text>
          <Text className={`item-card__tag ${item.visitsRequired === 0 ? 'item-card__tag--good' : 'item-card__tag--warn'}`}>{visitsText(item.visitsRequired)}</Text>
          {item.negativeListed ? <Text className='item-card__tag'>{S.negativeListed}</Text> : null}
        </View>
        {reason ? <Text className='assessment-items__reason'>{reason}</Text> : null}
      </View>
      <Text className='item-card__chevron' aria-hidden='true'>
        ›
      </Text>
    </View>
  )
}

/**
 * pages/staff/assessment-items/index — the published items behind one catalog figure of a scope (可网办、
 * 最多跑一次、零跑腿、负面清单外零跑腿): those that count against it by default, or every item it counts;
 * all at once (a scope has a few hundred items at most), each opening its service guide. The figure is a
 * snapshot of what is published now, so the page has no period.
 */
export default function AssessmentItemsPage() {
  usePageTitle()
  const { params } = useRouter()
  const figure = paramText(params.figure) as FigureKey
  const scope = paramText(params.scope)
  const scopeName = paramText(params.scopeName)
  const valid = (FIGURE_KEYS as string[]).includes(figure) && opensItems(figure) && !!scope
  const returnUrl = returnUrlOf(ASSESSMENT_ITEMS_PAGE, params)
  const user = useSignedIn(returnUrl)
  const [which, setWhich] = useState<Which>('failing')

  const ready = valid && !!user
  const load = useCallback(() => (ready ? listAssessmentItems({ scope, figure, which }) : new Promise<never>(() => undefined)), [ready, scope, figure, which])
  const { remote, reload } = useRemote(load, `${user?.userId ?? ''}:${ready}:${scope}:${figure}:${which}`)

  if (!user) return <SignInRequired returnUrl={returnUrl} />
  if (!valid) return <StatusView kind='error' title={S.badLink} actionText={S.back} onAction={() => void Taro.navigateBack()} />

  const renderList = () => {
    if (remote.status === 'loading') return <StatusView kind='loading' compact title={S.loading} />
    if (remote.status === 'error') return <StatusView kind='error' compact title={remote.error.message} actionText={S.retry} actionLabel={S.retryLabel} onAction={reload} />
    const { items, truncated } = remote.data
    if (!items.length) return <DrillDownEmpty which={which} strings={S} onShowAll={() => setWhich('all')} />
    return (
      <>
        <View className='item-list' role='list'>
          {items.map((item, index) => (
            <View key={item.implementationCode} className={`item-list__row${index === 0 ? ' item-list__row--first' : ''}`} role='listitem'>
              <ItemRow item={item} />
            </View>
          ))}
        </View>
        {truncated ? <Text className='assessment-items__note'>{S.truncated(items.length)}</Text> : null}
      </>
    )
  }

  return (
    <DrillDownPage
      className='assessment-items'
      figure={figure}
      subtitle={scopeName || scope}
      header={
        <>
          <Text className='assessment-items__description'>{SF.twoSentences(FIGURE_NAMES[figure].description, S.snapshot)}</Text>
          {remote.status === 'ready' ? <Text className='assessment-items__counts'>{S.counts(remote.data.counted, remote.data.failing)}</Text> : null}
        </>
      }
      which={which}
      strings={S}
      onWhich={setWhich}
    >
      {renderList()}
    </DrillDownPage>
  )
}
