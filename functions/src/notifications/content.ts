import {
  NOTIFICATION_EVENTS,
  fitField,
  formatTemplateTime,
  TEMPLATES,
  type NotificationEvent,
  type NotificationEventType,
  type StaffPermission,
  type TemplateKey,
} from '@ah-tourism/shared';

/** Who receives an event: the applicant, or the staff of the case's organisation with a permission. */
export type Audience = { kind: 'applicant' } | { kind: 'staff'; permission: StaffPermission };

export interface MessageContent {
  title: string;
  body: string;
  page?: string;
  /** The subscribe-message template for the push; none means the message centre only. */
  template?: TemplateKey;
  /** Template values before fitting to WeChat's limits. */
  values?: Record<string, string>;
}

interface Rule {
  audience: Audience;
  content(event: NotificationEvent): MessageContent;
}

const casePage = (event: NotificationEvent) => `pages/cases/detail/index?caseNumber=${event.caseNumber}`;
const staffCasePage = (event: NotificationEvent) => `pages/staff/case/index?caseNumber=${event.caseNumber}`;
/** A bad review's rectification task; its subject is the case (or complaint) number the event carries. */
const rectificationPage = (event: NotificationEvent) => `pages/staff/rectification/index?subjectId=${event.caseNumber}`;
const dueText = (event: NotificationEvent) => (event.detail?.dueAt ? formatTemplateTime(event.detail.dueAt) : '');
const staffComplaintPage = (event: NotificationEvent) => `pages/staff/complaint/index?complaintNumber=${event.caseNumber}`;
const complaintPage = (event: NotificationEvent) => `pages/feedback/complaint-detail/index?complaintNumber=${event.caseNumber}`;
const applicant: Audience = { kind: 'applicant' };
const staffWith = (permission: StaffPermission): Audience => ({ kind: 'staff', permission });

/** A progress change the applicant hears about through the case_progress template. */
function progress(type: NotificationEventType, hint: string): Rule {
  const label = NOTIFICATION_EVENTS[type].label;
  return {
    audience: applicant,
    content: (event) => ({
      title: label,
      body: `您申请的「${event.itemName}」（${event.caseNumber}）${label}。${event.detail?.note ?? hint}`,
      page: casePage(event),
      template: 'case_progress',
      values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: label, time4: formatTemplateTime(event.occurredAt), thing5: event.detail?.note ?? hint },
    }),
  };
}

/**
 * What each event tells whom. Events without a rule for an audience do not reach it; a test checks
 * every event type has at least one rule and every template value fits WeChat's limits.
 */
export const RULES: Record<NotificationEventType, Rule[]> = {
  case_submitted: [
    {
      audience: applicant,
      content: (event) => ({
        title: '申请已提交',
        body: `您申请的「${event.itemName}」已提交，办件编号 ${event.caseNumber}。工作人员将在 5 个工作日内完成网上预审，结果会通知您。`,
        page: casePage(event),
      }),
    },
    {
      audience: staffWith('pre_review'),
      content: (event) => ({
        title: '新办件待预审',
        body: `${event.applicantDisplayName} 提交了「${event.itemName}」（${event.caseNumber}），请在时限内完成网上预审。`,
        page: staffCasePage(event),
        template: 'staff_new_case',
        values: { character_string1: event.caseNumber, thing2: event.itemName, name3: event.applicantDisplayName, time4: formatTemplateTime(event.occurredAt) },
      }),
    },
  ],
  case_resubmitted: [
    {
      audience: staffWith('pre_review'),
      content: (event) => ({
        title: '补正材料待预审',
        body: `${event.applicantDisplayName} 已按一次性告知书补正「${event.itemName}」（${event.caseNumber}）的材料，请重新预审。`,
        page: staffCasePage(event),
        template: 'staff_new_case',
        values: { character_string1: event.caseNumber, thing2: event.itemName, name3: event.applicantDisplayName, time4: formatTemplateTime(event.occurredAt) },
      }),
    },
  ],
  case_transferred: [
    {
      audience: applicant,
      content: (event) => ({
        title: '办件已移交',
        body: `您申请的「${event.itemName}」（${event.caseNumber}）已移交${event.detail?.organisationName ?? '有权机关'}办理。${event.detail?.reason ? `原因：${event.detail.reason}` : ''}`,
        page: casePage(event),
      }),
    },
    {
      audience: staffWith('pre_review'),
      content: (event) => ({
        title: '移交办件待预审',
        body: `「${event.itemName}」（${event.caseNumber}）由${event.detail?.fromOrganisationName ?? '其他单位'}移交本单位，请在时限内完成网上预审。`,
        page: staffCasePage(event),
        template: 'staff_new_case',
        values: { character_string1: event.caseNumber, thing2: event.itemName, name3: event.applicantDisplayName, time4: formatTemplateTime(event.occurredAt) },
      }),
    },
  ],
  pre_review_passed: [progress('pre_review_passed', '预审通过，等待受理')],
  supplement_requested: [
    {
      audience: applicant,
      content: (event) => ({
        title: '需补正材料',
        body: `您申请的「${event.itemName}」（${event.caseNumber}）需要补正：${event.detail?.summary ?? '请查看一次性告知书'}。请按告知书一次性补正后重新提交。`,
        page: casePage(event),
        template: 'supplement_notice',
        values: { character_string1: event.caseNumber, thing2: event.itemName, thing3: event.detail?.summary ?? '请查看一次性告知书', time4: formatTemplateTime(event.occurredAt) },
      }),
    },
  ],
  accepted: [progress('accepted', '已受理，进入审查')],
  not_accepted: [progress('not_accepted', '请查看不予受理决定书')],
  decided: [progress('decided', '请查看决定书')],
  delivered: [progress('delivered', '办件已送达，欢迎评价')],
  evaluation_invited: [
    {
      audience: applicant,
      content: (event) => ({
        title: '邀请您评价本次服务',
        body: `${event.detail?.subject ? `您对「${event.itemName}」的${event.detail.subject}` : `「${event.itemName}」`}（${event.caseNumber}）已办结，欢迎对本次服务作出评价，您的意见将用于改进服务。`,
        page: event.detail?.page ?? casePage(event),
        template: 'evaluation_invite',
        values: { character_string1: event.caseNumber, thing2: event.itemName, thing3: '点击评价本次服务' },
      }),
    },
  ],
  case_near_due: [deadline('case_near_due', '即将超期', '请尽快办理')],
  case_overdue: [deadline('case_overdue', '已超期', '已超过办理时限，请立即处理')],
  consultation_received: [
    {
      audience: staffWith('hall_window'),
      content: (event) => ({
        title: '新咨询待答复',
        body: `${event.applicantDisplayName} 咨询「${event.itemName}」（${event.caseNumber}），请在 ${dueText(event)} 前答复。`,
        page: 'pages/staff/consultations/index',
        template: 'staff_new_case',
        values: { character_string1: event.caseNumber, thing2: event.itemName, name3: event.applicantDisplayName, time4: formatTemplateTime(event.occurredAt) },
      }),
    },
  ],
  consultation_answered: [
    {
      audience: applicant,
      content: (event) => ({
        title: '咨询已答复',
        body: `您关于「${event.itemName}」的咨询（${event.caseNumber}）已答复，请在“我的咨询”中查看。`,
        page: 'pages/feedback/consultations/index',
        template: 'case_progress',
        values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: '已答复', time4: formatTemplateTime(event.occurredAt), thing5: '请在我的咨询中查看答复' },
      }),
    },
  ],
  complaint_received: [
    {
      audience: staffWith('hotline_12301'),
      content: (event) => ({
        title: event.detail?.fromOrganisationName ? '转办投诉待受理' : '新投诉待受理',
        body: `${event.applicantDisplayName} 对「${event.itemName}」的投诉（${event.caseNumber}）${event.detail?.fromOrganisationName ? `由${event.detail.fromOrganisationName}转办本单位，` : ''}请在 ${dueText(event)} 前决定是否受理。`,
        page: staffComplaintPage(event),
        template: 'staff_new_case',
        values: { character_string1: event.caseNumber, thing2: event.itemName, name3: event.applicantDisplayName, time4: formatTemplateTime(event.occurredAt) },
      }),
    },
  ],
  complaint_updated: [
    {
      audience: applicant,
      content: (event) => ({
        title: `投诉${event.detail?.phrase ?? '有新进展'}`,
        body: `您对「${event.itemName}」的投诉（${event.caseNumber}）${event.detail?.phrase ?? '有新进展'}。${event.detail?.note ?? '请查看处理进展'}`,
        page: complaintPage(event),
        template: 'case_progress',
        values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: event.detail?.phrase ?? '有新进展', time4: formatTemplateTime(event.occurredAt), thing5: event.detail?.note ?? '请查看处理进展' },
      }),
    },
  ],
  // A licence of a holder the user is bound to changed: the number stands where a case number would.
  licence_changed: [
    {
      audience: applicant,
      content: (event) => ({
        title: `证照${event.detail?.phrase ?? '状态变化'}`,
        body: `您的${event.itemName}（${event.caseNumber}）${event.detail?.note ?? '状态有变化'}。原因：${event.detail?.reason ?? ''}`,
        page: `pages/licences/detail/index?licenceId=${encodeURIComponent(event.detail?.licenceId ?? '')}`,
        template: 'case_progress',
        values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: event.detail?.phrase ?? '状态变化', time4: formatTemplateTime(event.occurredAt), thing5: event.detail?.note ?? '请在我的证照中查看' },
      }),
    },
  ],
  bad_review: [
    {
      audience: staffWith('org_admin'),
      content: (event) => ({
        title: '收到差评，请核实整改',
        body: `「${event.itemName}」（${event.caseNumber}）收到“${event.detail?.grade ?? '差评'}”：${event.detail?.comment ?? '（未填写评价内容）'}`,
        page: rectificationPage(event),
        template: 'staff_bad_review',
        values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: event.detail?.grade ?? '差评', thing4: event.detail?.comment ?? '未填写评价内容' },
      }),
    },
  ],
  review_answered: [
    {
      audience: applicant,
      content: (event) => ({
        title: '您的评价已有答复',
        body: `您对「${event.itemName}」（${event.caseNumber}）的评价，${event.detail?.organisationName ?? '办理单位'}已答复（${event.detail?.outcome ?? ''}）：${event.detail?.response ?? ''}`,
        page: event.detail?.page ?? casePage(event),
        template: 'case_progress',
        values: {
          character_string1: event.caseNumber,
          thing2: event.itemName,
          phrase3: '评价已答复',
          time4: formatTemplateTime(event.occurredAt),
          thing5: `${event.detail?.outcome ?? ''}：${event.detail?.response ?? ''}`,
        },
      }),
    },
  ],
  rectification_overdue: [
    {
      audience: staffWith('org_admin'),
      content: (event) => ({
        title: '差评整改已超期',
        body: `「${event.itemName}」（${event.caseNumber}）的${event.detail?.grade ?? '差评'}未在 ${dueText(event)} 前完成回访和答复，请立即处理。`,
        page: rectificationPage(event),
        template: 'staff_deadline',
        values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: '整改超期', time4: dueText(event) },
      }),
    },
  ],
};

function deadline(type: NotificationEventType, phrase: string, advice: string): Rule {
  return {
    audience: { kind: 'staff', permission: 'pre_review' },
    content: (event) => ({
      // A complaint's or consultation's reminder names what it is about and the page to open (its timer says so).
      title: `${event.detail?.subject ?? '办件'}${NOTIFICATION_EVENTS[type].label}`,
      body: `「${event.itemName}」（${event.caseNumber}）${event.detail?.stageLabel ?? ''}${phrase}，截止 ${dueText(event)}。${advice}。`,
      page: event.detail?.page ?? staffCasePage(event),
      template: 'staff_deadline',
      values: { character_string1: event.caseNumber, thing2: event.itemName, phrase3: phrase, time4: dueText(event) },
    }),
  };
}

/** The staff permission a deadline event goes to can be named by the event (the stage's owner). */
export function audienceFor(rule: Rule, event: NotificationEvent): Audience {
  const permission = event.detail?.permission as StaffPermission | undefined;
  return rule.audience.kind === 'staff' && permission && (event.type === 'case_near_due' || event.type === 'case_overdue')
    ? { kind: 'staff', permission }
    : rule.audience;
}

/** Template data fitted to WeChat's per-kind limits, in the template's own field order. */
export function templateData(template: TemplateKey, values: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(TEMPLATES[template].fields.map((field) => [field.key, { value: fitField(field.kind, values[field.key] ?? '') }]));
}
