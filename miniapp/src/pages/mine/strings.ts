export const MINE_STRINGS = {
  placeholderTitle: '个人中心即将开放',
  placeholderText: '登录后可在这里查看我的办件进度、办事评价和消息提醒。',
  upcoming: ['我的办件', '办事评价', '消息提醒'],
  upcomingTag: '即将开放',
  hotline: '旅游服务热线',
  hotlineNumber: '12301',
  department: '安徽省文化和旅游厅',
} as const
