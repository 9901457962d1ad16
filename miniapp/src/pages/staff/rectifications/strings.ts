import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const RECTIFICATIONS_STRINGS = localize('pages/staff/rectifications/RECTIFICATIONS_STRINGS', {
  title: '差评整改',
  text: '差评须先回访评价人，再在时限内答复：立行立改、限期整改、解释说明或申诉复核',
  loading: '正在加载整改任务…',
  refresh: '刷新',
  refreshLabel: '刷新整改任务',
  retry: '重试',
  retryLabel: '重新加载整改任务',
  statusFilter: '范围',
  open: '待办',
  all: '全部',
  appealed: '申诉复核',
  empty: {
    open: '没有待办的整改任务',
    all: '暂无整改任务',
    appealed: '没有待复核的申诉',
  },
  emptyHint: {
    open: '收到差评后，整改任务会出现在这里，按答复期限排列',
    all: '收到的差评都会在这里留有整改记录',
    appealed: '单位对差评申诉复核后，会出现在这里等待省级管理员复核',
  },
  showAll: '查看全部',
  channel: '渠道',
  tags: '问题',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',

  // supervision (provincial staff)
  supervise: '监督各单位',
  superviseField: '单位所在地区',
  superviseText: '选择地区，只读查看该地实施机关的整改任务',
  superviseLabel: '要查看的单位所在地区',
  ownOrganisation: '回到本单位',
  readOnly: (name: string) => `只读监督：正在查看${name}的整改任务`,
  adminOnly: '省级管理员：复核各单位提出的差评申诉',
} as const, en.RECTIFICATIONS_STRINGS)
