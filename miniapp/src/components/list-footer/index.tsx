import { Text, View } from '@tarojs/components'
import type { CursorPages } from '@/hooks/use-cursor-pages'
import { ActionButton } from '../action-button'
import './index.scss'

export interface ListFooterProps {
  /** The element id the H5 infinite scroll watches (useInfiniteScroll). */
  id: string
  pages: Pick<CursorPages<unknown>, 'status' | 'error' | 'hasMore'>
  onMore: () => void
  strings: { loadingMore: string; loadMore: string; noMore: string; retry: string; retryMoreLabel: string }
  className?: string
}

/** The end of an infinitely scrolling list: loading, the next page's error with 重试, 加载更多, or 没有更多了. */
export function ListFooter({ id, pages, onMore, strings: S, className = '' }: ListFooterProps) {
  return (
    <View className={`list-footer ${className}`.trim()} id={id} aria-live='polite'>
      {pages.status === 'loading-more' ? <Text className='list-footer__text'>{S.loadingMore}</Text> : null}
      {pages.status === 'more-error' ? (
        <View className='list-footer__error' role='alert'>
          <Text className='list-footer__text'>{pages.error?.message}</Text>
          <ActionButton variant='secondary' size='sm' label={S.retryMoreLabel} onTap={onMore}>
            {S.retry}
          </ActionButton>
        </View>
      ) : null}
      {pages.status === 'ready' && pages.hasMore ? (
        <ActionButton variant='text' onTap={onMore}>
          {S.loadMore}
        </ActionButton>
      ) : null}
      {pages.status === 'ready' && !pages.hasMore ? <Text className='list-footer__text'>{S.noMore}</Text> : null}
    </View>
  )
}
