import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const REGION_STRINGS = localize('features/region/REGION_STRINGS', {
  triggerLabel: (name: string) => `切换地区，当前为${name}`,
  sheetTitle: '选择地区',
  sheetHint: '切换后，事项列表显示所选地区的事项',
  province: '省级',
  cities: '设区市',
  closeLabel: '关闭地区选择',
  loading: '正在加载地区…',
  retry: '重试',
  retryLabel: '重新加载地区列表',
} as const, en.REGION_STRINGS)
