import { TEMPLATES, type Message, type NotificationEvent, type TemplateKey } from '@ah-tourism/shared';
import { authStore, type AuthStore } from '../auth/store';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { WechatApiError, WechatUnavailableError, sendSubscribeMessage, type SubscribeMessage } from '../platform/wechat';
import { RULES, audienceFor, templateData, type Audience, type MessageContent } from './content';
import { messageIdFor } from './keys';
import { notificationStore, type NotificationStore } from './store';

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
 * once. Throws only on transient failure, so the stream delivers the event again.
 */
export function dispatcher(deps: DispatcherDeps) {
  async function recipients(event: NotificationEvent, audience: Audience): Promise<string[]> {
    if (audience.kind === 'applicant') return [event.applicantUserId];
    const staff = await deps.people.listStaff(event.organisationCode);
    return staff.filter((s) => s.status === 'active' && s.userId && s.permissions.includes(audience.permission)).map((s) => s.userId!);
  }

  async function push(userId: string, openid: string | undefined, messageId: string, content: MessageContent & { template: TemplateKey }, leased: boolean): Promise<boolean> {
    const { store } = deps;
    const definition = TEMPLATES[content.template];
    const templateId = deps.templateIds[content.template];
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
    try {
      const allowed =
        definition.kind === 'long'
          ? (await store.subscription(userId, content.template))?.active === true
          : (await store.consumeGrant(userId, content.template, messageId)) || (await alreadyConsumed(userId, messageId));
      if (!allowed) {
        await store.finishPush(userId, messageId, 'no_subscription');
        return false;
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
          return true;
        } catch (error) {
          if (error instanceof WechatApiError) {
            const status = error.errcode === 43101 ? 'refused' : error.errcode === 45009 ? 'quota_exceeded' : 'failed';
            logger.warn('subscribe message not sent', { errcode: error.errcode, template: content.template, messageId });
            if (status === 'refused') await store.dropSubscription(userId, content.template);
            await store.finishPush(userId, messageId, status, { errcode: error.errcode });
            return false;
          }
          if (!(error instanceof WechatUnavailableError) || attempt >= SEND_BACKOFF_MS.length) throw error;
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
        const users = await deps.store.users(userIds);
        await Promise.all(
          userIds.map(async (userId) => {
            const message: Message = {
              messageId,
              type: event.type,
              title: content.title,
              body: content.body,
              caseNumber: event.caseNumber,
              ...(content.page ? { page: content.page } : {}),
              createdAt: event.occurredAt,
              push: content.template ? 'pending' : 'in_app',
            };
            const stored = await deps.store.ensureMessage(userId, message);
            report.recipients += 1;
            if (stored.pushStatus !== 'pending' || !content.template) return;
            if (await push(userId, users.get(userId)?.openid, messageId, { ...content, template: content.template }, stored.leased)) report.pushed += 1;
          }),
        );
      }
      return report;
    },
  };
}
