import { TEMPLATES, type Message, type NotificationEvent, type PushStatus, type TemplateKey } from '@ah-tourism/shared';
import { authStore, type AuthStore } from '../auth/store';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { countPush } from '../platform/metrics';
import { WechatApiError, WechatUnavailableError, sendSubscribeMessage, type SubscribeMessage } from '../platform/wechat';
import { RULES, audienceFor, templateData, type Audience, type MessageContent } from './content';
import { messageIdFor } from './keys';
import { notificationStore, type NotificationStore, type Recipient, type StoredMessage } from './store';

/** Backoff between attempts at one push within one invocation; after that the stream retries. */
export const SEND_BACKOFF_MS = [200, 500, 1000];

export interface DispatcherDeps {
  store: NotificationStore;
  people: Pick<AuthStore, 'listStaff'>;
  send: (message: SubscribeMessage) => Promise<string>;
  templateIds: Record<string, string>;
  sleep: (ms: number) => Promise<void>;
}

export interface DeliveryReport {
  recipients: number;
  pushed: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function defaultDispatcherDeps(): DispatcherDeps {
  return { store: notificationStore(), people: authStore(), send: sendSubscribeMessage, templateIds: config().wechat.templateIds, sleep: wait };
}

/**
 * Delivers one event to everyone it concerns: a message in each recipient's centre, and a subscribe
 * message where they allowed one. Safe to run any number of times for the same event: the message
 * is keyed by event and recipient, a push happens once (lease + final status), a 'once' grant is spent
 * once, in the transaction that creates the message. Throws only on transient failure, so the stream
 * delivers the event again.
 *
 * DynamoDB calls for an event: one BatchGetItem for all its recipients (profiles and subscriptions),
 * then per recipient one transaction (message, unread counter, grant) and, after a push, one write of
 * its final state.
 */
export function dispatcher(deps: DispatcherDeps) {
  async function recipients(event: NotificationEvent, audience: Audience): Promise<string[]> {
    if (audience.kind === 'applicant') return [event.applicantUserId];
    const staff = await deps.people.listStaff(event.organisationCode);
    return staff.filter((s) => s.status === 'active' && s.userId && s.permissions.includes(audience.permission)).map((s) => s.userId!);
  }

  /** What a new message's push will be, from what was read about its recipient just before. */
  function plan(template: TemplateKey | undefined, recipient: Recipient): { push: PushStatus; spendGrant?: TemplateKey } {
    if (!template) return { push: 'in_app' };
    if (!deps.templateIds[template] || !recipient.user?.openid) return { push: 'no_subscription' };
    if (TEMPLATES[template].kind === 'long') return { push: recipient.subscription?.active === true ? 'pending' : 'no_subscription' };
    return (recipient.subscription?.remaining ?? 0) > 0 ? { push: 'pending', spendGrant: template } : { push: 'no_subscription' };
  }

  /**
   * Sends the push of a pending message. `leased`: this attempt created the message, holding its
   * lease and (for a one-time template) the grant. Otherwise the message is an earlier attempt's:
   * take its lease and check again what the push may use.
   */
  async function push(userId: string, recipient: Recipient, messageId: string, content: MessageContent & { template: TemplateKey }, stored: StoredMessage, leased: boolean): Promise<boolean> {
    const { store } = deps;
    const definition = TEMPLATES[content.template];
    const templateId = deps.templateIds[content.template];
    const openid = recipient.user?.openid;
    if (!templateId || !openid) {
      await store.finishPush(userId, messageId, 'no_subscription');
      return false;
    }
    if (!leased && !(await store.leasePush(userId, messageId))) {
      // Finished meanwhile: nothing to do. Still pending: another attempt holds it (or crashed holding it);
      // fail this record so the stream comes back after the lease has run out, instead of dropping the push.
      if ((await store.message(userId, messageId))?.pushStatus !== 'pending') return false;
      throw new WechatUnavailableError('push held by another attempt');
    }
    let grantSpent = definition.kind === 'once' && stored.grantConsumed === true;
    try {
      if (!leased) {
        if (definition.kind === 'once' && !grantSpent) {
          grantSpent = (await store.consumeGrant(userId, content.template, messageId)) || (await alreadyConsumed(userId, messageId));
        }
        const allowed = definition.kind === 'long' ? recipient.subscription?.active === true : grantSpent;
        if (!allowed) {
          await store.finishPush(userId, messageId, 'no_subscription');
          return false;
        }
      }
      const message: SubscribeMessage = {
        touser: openid,
        template_id: templateId,
        ...(content.page ? { page: content.page } : {}),
        data: templateData(content.template, content.values ?? {}),
      };
      for (let attempt = 0; ; attempt += 1) {
        try {
          const msgid = await deps.send(message);
          await store.finishPush(userId, messageId, 'sent', { msgid });
          countPush('sent');
          return true;
        } catch (error) {
          if (error instanceof WechatApiError) {
            const status = error.errcode === 43101 ? 'refused' : error.errcode === 45009 ? 'quota_exceeded' : 'failed';
            logger.warn('subscribe message not sent', { errcode: error.errcode, template: content.template, messageId });
            await store.finishPush(userId, messageId, status, {
              errcode: error.errcode,
              // Refused: the grant is gone. Over quota: WeChat did not use the person's grant, so it is given back.
              ...(status === 'refused' ? { dropSubscription: content.template } : {}),
              ...(status === 'quota_exceeded' && grantSpent ? { refundGrant: content.template } : {}),
            });
            countPush(status);
            return false;
          }
          if (!(error instanceof WechatUnavailableError) || attempt >= SEND_BACKOFF_MS.length) throw error;
          // A timeout is ambiguous (WeChat may have taken the message), so a retry can deliver it twice.
          logger.warn('subscribe message send failed; retrying', { attempt: attempt + 1, template: content.template, messageId, error: error.message });
          await deps.sleep(SEND_BACKOFF_MS[attempt]!);
        }
      }
    } catch (error) {
      await store.releasePush(userId, messageId).catch(() => undefined);
      throw error;
    }
  }

  /** A retry of a message whose grant an earlier attempt already spent. */
  async function alreadyConsumed(userId: string, messageId: string): Promise<boolean> {
    return (await deps.store.message(userId, messageId))?.grantConsumed === true;
  }

  return {
    async deliver(event: NotificationEvent): Promise<DeliveryReport> {
      const report: DeliveryReport = { recipients: 0, pushed: 0 };
      const messageId = messageIdFor(event.occurredAt, event.eventId);
      for (const rule of RULES[event.type] ?? []) {
        const audience = audienceFor(rule, event);
        const content = rule.content(event);
        const userIds = [...new Set(await recipients(event, audience))];
        if (!userIds.length) continue;
        const template = content.template && deps.templateIds[content.template] ? content.template : undefined;
        // Only a push needs anything read about its recipients.
        const people = template ? await deps.store.recipients(userIds, template) : new Map<string, Recipient>();
        await Promise.all(
          userIds.map(async (userId) => {
            const recipient = people.get(userId) ?? {};
            const planned = plan(content.template, recipient);
            const message: Message = {
              messageId,
              type: event.type,
              title: content.title,
              body: content.body,
              caseNumber: event.caseNumber,
              ...(content.page ? { page: content.page } : {}),
              createdAt: event.occurredAt,
              push: planned.push,
            };
            let created = await deps.store.createMessage(userId, message, planned.spendGrant);
            // The grant was spent elsewhere between the read and the write: the message without a push.
            if (created.outcome === 'no_grant') created = await deps.store.createMessage(userId, { ...message, push: 'no_subscription' });
            if (created.outcome === 'no_grant') return;
            report.recipients += 1;
            const { stored } = created;
            if (stored.pushStatus !== 'pending' || !content.template) return;
            if (await push(userId, recipient, messageId, { ...content, template: content.template }, stored, created.outcome === 'created')) report.pushed += 1;
          }),
        );
      }
      return report;
    },
  };
}
