import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const NATIONAL_IMPORT_STRINGS = localize('pages/staff/national-import/NATIONAL_IMPORT_STRINGS', {
  title: '导入全国旅游监管服务平台办件',
  intro: '将在全国旅游监管服务平台办理的办件导入本系统：导入后出现在本单位办件列表（来源：全国旅游监管服务平台）、办件进度查询和统计中，只能查看。同一办件编号重复导入不会重复写入。',
  notAdmin: '仅单位管理员可以导入',
  notAdminHint: '导入会以本单位名义写入大量办件，请联系单位管理员办理',
  toInbox: '返回工作台',

  // the file
  fileSection: '选择文件',
  layout: '文件格式',
  layoutHint: 'UTF-8 编码的 CSV（第1行为表头）或 JSON 数组，一次最多500条。带 * 的列必填：',
  required: '*',
  choose: '选择文件',
  chooseLabel: '选择要导入的 CSV 或 JSON 文件',
  chosen: (name: string, rows: number) => `已选择：${name}（约 ${rows} 条）`,
  chooseFailed: '文件无法读取，请确认是 UTF-8 编码的 CSV 或 JSON 文件',
  orPaste: '或粘贴文件内容',
  pasteLabel: '粘贴 CSV 或 JSON 内容',
  pastePlaceholder: '办件编号,事项编码,实施机构代码,申请人类型,…',
  format: '格式',
  formats: { csv: 'CSV（含表头）', json: 'JSON 数组' },
  start: '开始导入',
  starting: '正在导入…',
  startLabel: '开始导入所选文件',
  empty: '请先选择文件或粘贴内容',

  // the result
  resultSection: '导入结果',
  /** The result's counts; the last argument is countsDeferred's words, or '' when none was left. */
  counts: (rows: number, imported: number, already: number, rejected: number, deferredPart: string) =>
    `共 ${rows} 条：导入 ${imported} 条，已导入未重复写入 ${already} 条，未导入 ${rejected} 条${deferredPart}`,
  countsDeferred: (deferred: number) => `，未处理 ${deferred} 条`,
  deferred: (n: number) => `有 ${n} 条合格的办件因本次导入时间已到未处理，请再次导入同一文件（已导入的不会重复写入）`,
  importAgain: '再次导入同一文件',
  imported: '已导入',
  alreadyImported: '已导入，未重复写入',
  rejected: '未导入',
  rejectedSection: '未导入的行',
  rejectedNone: '所有行均已通过校验',
  rejectedLine: (row: number, field: string, problem: string) => `第${row}行 · ${field}：${problem}`,
  importedSection: '已写入的办件',
  caseLine: (row: number, national: string, caseNumber: string) => `第${row}行 · ${national} → ${caseNumber}`,
  openCase: (caseNumber: string) => `打开办件${caseNumber}`,
  download: '下载导入报告',
  downloadLabel: (when: string) => `下载${when}的导入报告（CSV）`,
  downloaded: '报告已下载',
  shared: '报告已发送',
  saved: '报告已保存',

  // history
  historySection: '导入记录',
  historyLoading: '正在加载导入记录…',
  historyEmpty: '还没有导入记录',
  historyEmptyHint: '导入后，每次导入的时间、导入人和结果都会列在这里',
  retry: '重试',
  retryLabel: '重新加载导入记录',
  historyLine: (when: string, by: string) => `${when} · ${by}`,
  historyLineWithFile: (when: string, by: string, file: string) => `${when} · ${by} · ${file}`,
  /** An import's counts; the last argument is historyDeferred's words, or '' when none was left. */
  historyCounts: (imported: number, already: number, rejected: number, deferredPart: string) => `导入 ${imported} · 未重复写入 ${already} · 未导入 ${rejected}${deferredPart}`,
  historyDeferred: (deferred: number) => ` · 未处理 ${deferred}`,
  reportFile: (when: string) => `全国平台办件导入报告_${when}.csv`,
} as const, en.NATIONAL_IMPORT_STRINGS)
