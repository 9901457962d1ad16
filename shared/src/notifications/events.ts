/**
 * Events that reach people: every one lands in the recipient's message centre (消息) and, when they
 * have subscribed, is also pushed as a subscribe message. The lifecycle and evaluation features emit
 * them through the same outbox; the dispatcher decides who receives what.
 */
export const NOTIFICATION_EVENTS = {
  case_submitted: { label: '申请已提交' },
  case_resubmitted: { label: '已补正材料' },
  case_transferred: { label: '已移交' },
  pre_review_passed: { label: '预审通过' },
  supplement_requested: { label: '需补正材料' },
  accepted: { label: '已受理' },
  not_accepted: { label: '不予受理' },
  decided: { label: '已作出决定' },
  delivered: { label: '已送达' },
  evaluation_invited: { label: '邀请评价' },
  case_near_due: { label: '即将超期' },
  case_overdue: { label: '已超期' },
  bad_review: { label: '收到差评' },
  consultation_received: { label: '收到咨询' },
  consultation_answered: { label: '咨询已答复' },
  complaint_received: { label: '收到投诉' },
  complaint_updated: { label: '投诉处理进展' },
  rectification_overdue: { label: '差评整改已超期' },
  review_answered: { label: '评价已答复' },
  licence_changed: { label: '证照状态变化' },
} as const;

export type NotificationEventType = keyof typeof NOTIFICATION_EVENTS;
export const NOTIFICATION_EVENT_TYPES = Object.keys(NOTIFICATION_EVENTS) as [NotificationEventType, ...NotificationEventType[]];

/** What an event carries: enough to write the message and fill the template without another read. */
export interface NotificationEvent {
  eventId: string;
  type: NotificationEventType;
  occurredAt: string;
  caseNumber: string;
  itemName: string;
  organisationCode: string;
  /** The applicant's account (the submitter). */
  applicantUserId: string;
  /** Masked, e.g. 张*；never the full name or identity number. */
  applicantDisplayName: string;
  /** Type-specific facts: due date, supplement summary, decision, evaluation grade… */
  detail?: Record<string, string>;
}
