import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const INBOX_STRINGS = localize('pages/staff/inbox/INBOX_STRINGS', {
  title: '工作台',
  loading: '正在加载办件…',
  notStaff: '工作台仅向工作人员开放',
  notStaffHint: '绑定工作人员身份后，即可在这里办理本单位的办件',
  toMine: '返回我的',
  refresh: '刷新',
  refreshLabel: '刷新办件列表',
  retry: '重试',
  retryLabel: '重新加载办件列表',
  empty: '暂无办件',
  emptyFiltered: (status: string) => `没有“${status}”的办件`,
  emptyHint: '新的申请提交后会出现在这里，按剩余办理时限排列',
  showAll: '查看全部',

  // list
  /** Parts of a case's spoken name (item, status, these three, the deadline), joined by the staff catalogue's separator. */
  caseNumberPart: (no: string) => `办件编号${no}`,
  applicantPart: (applicant: string) => `申请人${applicant}`,
  sourcePart: (source: string) => `来源${source}`,
  applicant: '申请人',
  submittedAt: '提交于',
  loadingMore: '正在加载更多…',
  loadMore: '加载更多',
  noMore: '没有更多了',
  retryMoreLabel: '重新加载下一页',

  // filters
  statusFilter: '状态',
  sourceFilter: '来源',
  sources: { open: '待办办件', national: '全国旅游监管服务平台导入' },
  emptyImported: '暂无从全国旅游监管服务平台导入的办件',
  emptyImportedHint: '单位管理员可在“导入全国平台办件”中导入',
  showOpen: '查看待办办件',
  source: (label: string) => `来源：${label}`,
  all: '全部',

  // open by number
  openPlaceholder: '输入办件编号直接打开',
  openLabel: '办件编号',
  open: '打开',
  openClear: '清除办件编号',
  openInvalid: '办件编号为 22 位数字和大写字母，请核对',

  // supervision (provincial staff)
  supervise: '监督各单位',
  superviseField: '单位所在地区',
  superviseText: '选择地区，只读查看该地实施机关的办件',
  superviseLabel: '要查看的单位所在地区',
  ownOrganisation: '回到本单位',
  readOnly: (name: string) => `只读监督：正在查看${name}的办件，仅可查看，不能办理`,

  // the feedback loop
  links: {
    label: '窗口受理、好差评与咨询投诉',
    rectifications: '差评整改',
    complaints: '投诉处理',
    consultations: '咨询答复',
    stats: '痛点赞点',
    record: '代为登记',
    assessment: '网上考核',
    lists: '清单维护',
    intake: '窗口受理',
    nationalImport: '导入全国平台办件',
    reports: '上报监控',
  },
} as const, en.INBOX_STRINGS)
