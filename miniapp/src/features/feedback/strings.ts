import { COMPLAINT_BUSINESS_KINDS } from '@ah-tourism/shared/src/feedback/model'
import { localize } from '@/i18n/catalogue'
import en from './strings.en.json'

/** Wording of the feedback forms and views (好差评, consultations, complaints) shared by several pages. */
export const FEEDBACK_STRINGS = localize('features/feedback/FEEDBACK_STRINGS', {
  // evaluation form
  evaluationTitle: '评价本次服务',
  level: '总体评价',
  levelMissing: '请选择总体评价',
  dimensions: '分项评价',
  dimensionsHint: '网上办事的四个方面，可不评',
  optional: '（选填）',
  tags: {
    bad: '不满意的原因',
    praise: '满意的地方',
  },
  tagsHint: '可多选',
  tagsPickLevelFirst: '请先选择总体评价',
  comment: '评价内容',
  commentPlaceholder: {
    bad: '请说明遇到的问题，单位将回访并整改',
    praise: '说说您的感受（选填）',
  },
  commentCounter: (used: number, max: number) => `${used}/${max}`,
  commentCounterLabel: (used: number, max: number) => `已输入${used}个字，最多${max}个字`,
  commentTooLong: (max: number) => `评价内容不超过${max}个字`,
  badReviewNote: '差评将转交办理单位回访核实，并在规定时间内答复整改情况。',
  privacyNote: '请勿在评价中填写身份证号、手机号码等个人信息，系统会自动隐藏。',
  submit: '提交评价',
  submitting: '正在提交…',
  fix: '请按提示修改后再提交',
  /** Between problems said together. */
  problemSeparator: '；',

  // evaluation view
  given: '我的评价',
  givenAt: '评价时间',
  channel: '评价渠道',
  tagsGiven: '标签',
  commentGiven: '评价内容',
  response: '单位答复',
  responseStatus: '处理状态',
  responseOutcome: '处理方式',
  responseText: '答复内容',
  responseAt: '答复时间',
  rectifyBy: '整改期限',
  completedAt: '整改完成时间',
  responsePending: '办理单位正在核实，将尽快回访并答复。',

  retry: '重试',

  // complaints
  businessKinds: COMPLAINT_BUSINESS_KINDS,
} as const, en.FEEDBACK_STRINGS)
