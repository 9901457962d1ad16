import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const LISTS_STRINGS = localize('pages/staff/lists/LISTS_STRINGS', {
  title: '清单维护',
  text: '本单位的实施清单和办事指南：编制草稿，经本单位审核和机构编制/法制审核后发布为新版本；已发布的版本不再改变，办件始终按申请时的版本办理',
  loading: '正在加载实施清单…',
  refresh: '刷新',
  refreshLabel: '刷新实施清单',
  retry: '重试',
  retryLabel: '重新加载实施清单',
  awaiting: '等待我审核',
  awaitingEmpty: '没有等待您审核的清单草稿',
  own: '本单位实施清单',
  ownEmpty: '本单位暂无实施清单',
  ownEmptyHint: '实施清单由省级统一编制目录后下发，如有疑问请联系省文化和旅游厅',
  noPermission: '您没有清单维护的权限',
  noPermissionHint: '清单编制、单位管理员和省级清单审核人员可以使用清单维护，如需开通请联系单位管理员',
  toMine: '返回我的',
  version: (version: number, day: string) => `现行第${version}版 · 发布于${day}`,
  negativeListed: '负面清单',
  noDraft: '无草稿',
  count: (n: number) => `${n}项`,
} as const, en.LISTS_STRINGS)
