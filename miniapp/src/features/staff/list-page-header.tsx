import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'

/**
 * The top of a staff list page (投诉处理, 咨询答复, 差评整改, 上报监控): its title with 刷新, whose list it is,
 * and what the page is for. The page's own styles (feedback-list-page) are loaded by the page.
 */
export function ListPageHeader(props: { title: string; refresh: string; refreshLabel: string; onRefresh: () => void; organisation: string; text: string }) {
  return (
    <View className='feedback-list-page__header'>
      <View className='feedback-list-page__heading'>
        <View className='feedback-list-page__title' role='heading' aria-level={1}>
          {props.title}
        </View>
        <ActionButton variant='text' size='sm' label={props.refreshLabel} onTap={props.onRefresh}>
          {props.refresh}
        </ActionButton>
      </View>
      <Text className='feedback-list-page__organisation'>{props.organisation}</Text>
      <Text className='feedback-list-page__text'>{props.text}</Text>
    </View>
  )
}
