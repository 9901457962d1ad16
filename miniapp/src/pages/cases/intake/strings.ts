import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

export const INTAKE_STRINGS = localize('pages/cases/intake/INTAKE_STRINGS', {
  title: '窗口受理',
  intro: '为到大厅办事的申请人录入申请：扫描纸质材料上传，告知承诺须由申请人当面签署。提交后打印回执交申请人，申请人凭回执在手机上认领，即可随时查看进度。',
  forbidden: '只有大厅窗口工作人员可以代为录入申请',
  forbiddenHint: '如需开通大厅窗口权限，请联系单位管理员',
  toInbox: '返回工作台',
  loadingItems: '正在加载本单位事项…',
  noItems: '本单位暂无可受理的事项',
  retry: '重试',
  retryItems: '重新加载本单位事项',
  chooseItem: '选择事项',
  chooseItemNote: (organisation: string) => `${organisation}实施的事项`,
  itemLabel: (name: string) => `受理${name}`,
  changeItem: '更换事项',
  loading: '正在准备申请表…',

  signedInPerson: '申请人已当面签署告知承诺书',
  signedInPersonNote: '代申请人确认告知承诺前，须由申请人阅读承诺内容并在纸质承诺书上签字',
  submit: '提交窗口受理',
  submitting: '正在提交…',

  receipt: '受理回执',
  receiptNote: '请打印或抄录后交申请人',
  receiptRows: {
    caseNumber: '办件编号',
    claimCode: '认领码',
    item: '申请事项',
    organisation: '受理单位',
    applicant: '申请人',
    submittedAt: '受理时间',
    channel: '申请渠道',
    enteredBy: '受理人',
  },
  receiptMaterials: '收取材料',
  receiptMaterial: (name: string, how: string) => `${name}：${how}`,
  claimHowTo: '申请人登录“皖旅政务”小程序，在“我的”中点击“认领窗口办件”，输入办件编号和认领码，即可在“我的办件”中查看进度、接收通知。',
  claimValidity: (date: string) => `认领码仅可使用一次，${date}前有效；输错5次将暂停认领。`,
  claimed: '申请人已认领',
  openCase: '查看办件',
  again: '受理下一件',
} as const, en.INTAKE_STRINGS)
