import type { CaseStatus, CaseTransition } from '@ah-tourism/shared/src/cases/status'
import type { CommitmentConsequence } from '@ah-tourism/shared/src/application/commitment-consequences'
import type { VisitWhen } from '@ah-tourism/shared/src/catalog/visit-when'
import type {
  CallBackMethod,
  ComplaintAction,
  ComplaintOutcome,
  ComplaintStatus,
  EvaluationDimension,
  EvaluationLevel,
  FeedbackChannel,
  RectificationOutcome,
} from '@ah-tourism/shared/src/feedback/model'
import { localize } from '@/i18n/catalogue'
import en from './labels.en.json'

/**
 * The staff pages' wording for coded values that shared also names (the server writes shared's Chinese
 * into answers and documents). The Chinese here is the same as shared's; each table is typed on the
 * shared values, so a value added there fails to compile here until it has its wording.
 */

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = localize('features/staff/CASE_STATUS_NAMES', {
  pre_review: '待预审',
  supplement_requested: '待补正',
  accepted: '已受理',
  special_procedure: '特别程序中',
  reviewed: '待决定',
  not_accepted: '不予受理',
  approved: '准予许可',
  refused: '不予许可',
  delivered: '已送达',
  closed: '已办结',
  withdrawn: '已撤回',
}, en.CASE_STATUS_NAMES)

/** What each step is called on the action buttons and form titles. */
export const TRANSITION_NAMES: Record<CaseTransition, string> = localize('features/staff/TRANSITION_NAMES', {
  submit: '提交申请',
  request_supplement: '一次性告知补正',
  resubmit: '补正后重新提交',
  accept: '受理',
  not_accept: '不予受理',
  auto_approve: '智慧审批准予',
  transfer: '移交有权机关',
  start_special_procedure: '启动特别程序',
  end_special_procedure: '特别程序结束',
  complete_review: '审查完成',
  approve: '准予许可',
  refuse: '不予许可',
  deliver: '送达',
  close: '办结',
  mark_commitment_false: '认定承诺不实',
  withdraw: '撤回申请',
}, en.TRANSITION_NAMES)

export const COMMITMENT_CONSEQUENCE_NAMES: Record<CommitmentConsequence, string> = localize('features/staff/COMMITMENT_CONSEQUENCE_NAMES', {
  revoke_licence: '撤销许可',
  order_rectification: '责令限期整改',
  credit_record: '纳入信用记录',
}, en.COMMITMENT_CONSEQUENCE_NAMES)

export const VISIT_WHEN_NAMES: Record<VisitWhen, string> = localize('features/staff/VISIT_WHEN_NAMES', {
  after_acceptance: '受理后、作出决定前',
  after_approval: '准予后、送达前（领取结果）',
}, en.VISIT_WHEN_NAMES)

export const FEEDBACK_CHANNEL_NAMES: Record<FeedbackChannel, string> = localize('features/staff/FEEDBACK_CHANNEL_NAMES', {
  miniapp: '微信小程序',
  portal: '政务服务网',
  hall_window: '服务大厅窗口',
  hotline_12301: '12301 热线',
}, en.FEEDBACK_CHANNEL_NAMES)

export const EVALUATION_LEVEL_NAMES: Record<EvaluationLevel, string> = localize('features/staff/EVALUATION_LEVEL_NAMES', {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
}, en.EVALUATION_LEVEL_NAMES)

export const EVALUATION_DIMENSION_NAMES: Record<EvaluationDimension, string> = localize('features/staff/EVALUATION_DIMENSION_NAMES', {
  efficiency: '办事效率',
  guide_accuracy: '办事指南精确度',
  convenience: '办事便捷度',
  usability: '平台操作性',
}, en.EVALUATION_DIMENSION_NAMES)

export const CALL_BACK_METHOD_NAMES: Record<CallBackMethod, string> = localize('features/staff/CALL_BACK_METHOD_NAMES', {
  phone: '电话回访',
  sms: '短信回访',
  visit: '上门回访',
  online: '线上回访',
}, en.CALL_BACK_METHOD_NAMES)

export const RECTIFICATION_OUTCOME_NAMES: Record<RectificationOutcome, string> = localize('features/staff/RECTIFICATION_OUTCOME_NAMES', {
  immediate: '立行立改',
  by_date: '限期整改',
  explained: '解释说明',
  appeal: '申诉复核',
}, en.RECTIFICATION_OUTCOME_NAMES)

export const COMPLAINT_STATUS_NAMES: Record<ComplaintStatus, string> = localize('features/staff/COMPLAINT_STATUS_NAMES', {
  received: '待受理',
  accepted: '已受理',
  mediating: '调解中',
  refused: '不予受理',
  closed: '已办结',
}, en.COMPLAINT_STATUS_NAMES)

export const COMPLAINT_ACTION_NAMES: Record<ComplaintAction, string> = localize('features/staff/COMPLAINT_ACTION_NAMES', {
  accept: '受理',
  refuse: '不予受理',
  transfer: '转办',
  mediate: '记录调解',
  close: '办结',
}, en.COMPLAINT_ACTION_NAMES)

export const COMPLAINT_OUTCOME_NAMES: Record<ComplaintOutcome, string> = localize('features/staff/COMPLAINT_OUTCOME_NAMES', {
  settled: '调解成功',
  not_settled: '调解不成',
  withdrawn_by_complainant: '投诉人撤回',
  handled: '已依法处理',
}, en.COMPLAINT_OUTCOME_NAMES)

export const COMPLAINT_BUSINESS_KIND_NAMES = localize('features/staff/COMPLAINT_BUSINESS_KIND_NAMES', {
  travel_agency: '旅行社',
  scenic_area: '景区',
  hotel: '酒店',
  tour_guide: '导游',
  other: '其他',
}, en.COMPLAINT_BUSINESS_KIND_NAMES)
