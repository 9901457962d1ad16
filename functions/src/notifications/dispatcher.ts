import { TEMPLATES, type Message, type NotificationEvent, type PushStatus, type TemplateKey } from '@ah-tourism/shared';
import { authStore, type AuthStore } from '../auth/store';
import { config } from '../platform/config';
import { logger } from '../platform/logger';
import { countDispatchGiveUp, countPush } from '../platform/metrics';
import { WechatApiError, WechatUnavailableError, sendSubscribeMessage, type SubscribeMessage } from '../platform/wechat';
import { RULES, audienceFor, templateData, type Audience, type MessageContent } from './content';
import { messageIdFor } from './keys';
import { MAX_PUSH_ATTEMPTS, PUSH_RETRY_DELAYS_MS } from './push-watch';
import { notificationStore, type NotificationStore, type Recipient, type StoredMessage } from './store';

export interface DispatcherDeps {
  store: NotificationStore;
  people: Pick<AuthStore, 'listStaff'>;
  send: (message: SubscribeMessage) => Promise<string>;
  templateIds: Record<string, string>;
  now?: () => Date;
}

export interface DeliveryReport {
  recipients: number;
  pushed: number;
}

export function defaultDispatcherDeps(): DispatcherDeps {
  return { store: notificationStore(), people: authStore(), send: sendSubscribeMessage, templateIds: config().wechat.templateIds };
}

/**
 * Delivers one event to everyone it concerns: a message in each recipient's centre, and a subscribe
 * message where they allowed one. Safe to run any number of times for the same event: the message
 * is keyed by event and recipient, a push happens once (lease + final status), a 'once' grant is spent
 * once, in the transaction that creates the message. A push WeChat cannot take now is deferred to a
 * later attempt (push-watch.ts) rather than failing the stream batch, so one recipient's trouble holds
 * up no one else; only a failure to write (DynamoDB) throws, so the stream delivers the event again.
 *
 * DynamoDB calls for an event: one BatchGetItem for all its recipients (profiles and subscriptions),
 * then per recipient one transaction (message, unread counter, grant) and, after a push, one write of
 * its final state.
 */
export function dispatcher(deps: DispatcherDeps) {
  const now = deps.now ?? (() => new Date());
  async function recipients(event: NotificationEvent, audience: Audience): Promise<string[]> {
    // A case entered at a hall window belongs to no account until the person claims it (cases/hall-intake.ts): nobody to tell yet.
    if (audience.kind === 'applicant') return event.applicantUserId.startsWith('unclaimed#') ? [] : [event.applicantUserId];
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
    // Finished meanwhile, or another attempt holds it: that attempt finishes it, or (had it crashed) the
    // watch brings the push back once the lease has run out.
    if (!leased && !(await store.leasePush(userId, messageId))) return false;
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
        if (!(error instanceof WechatUnavailableError)) throw error;
        // A timeout is ambiguous (WeChat may have taken the message), so a later attempt can deliver it twice.
        const attempts = (stored.pushAttempts ?? 0) + 1;
        if (attempts >= MAX_PUSH_ATTEMPTS) {
          logger.error('subscribe message given up', { attempts, template: content.template, messageId, error: error.message });
          await store.finishPush(userId, messageId, 'failed', { gaveUp: { attempts, reason: error.message } });
          countPush('failed');
          countDispatchGiveUp();
          return false;
        }
        logger.warn('subscribe message send failed; deferred', { attempts, template: content.template, messageId, error: error.message });
        await store.defer(userId, messageId, attempts, new Date(now().getTime() + PUSH_RETRY_DELAYS_MS[attempts - 1]!), error.message);
        return false;
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
            const pushContent = planned.push === 'pending' && content.template ? { template: content.template, ...(content.page ? { page: content.page } : {}), ...(content.values ? { values: content.values } : {}) } : undefined;
            let created = await deps.store.createMessage(userId, message, planned.spendGrant, pushContent);
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

    /**
     * Another attempt at a watched push whose time has come (deferred, or its attempt never finished),
     * with what the message kept of it. A push that cannot be sent again is given up. True when sent.
     */
    async retry(userId: string, messageId: string): Promise<boolean> {
      const stored = await deps.store.message(userId, messageId);
      if (!stored || stored.pushStatus !== 'pending') return false;
      if (!stored.pushContent) {
        await deps.store.finishPush(userId, messageId, 'failed', { gaveUp: { attempts: stored.pushAttempts ?? 1, reason: 'no content kept for another attempt' } });
        return false;
      }
      const recipient = (await deps.store.recipients([userId], stored.pushContent.template)).get(userId) ?? {};
      // A crashed attempt counts as one.
      const tried = { ...stored, pushAttempts: stored.pushAttempts ?? 1 };
      try {
        return await push(userId, recipient, messageId, { title: stored.message.title, body: stored.message.body, ...stored.pushContent }, tried, false);
      } catch (error) {
        // Anything but WeChat failing (the table throttled, a fault of ours) is an attempt too, so the
        // push still ends within its bound instead of coming back every minute.
        const attempts = tried.pushAttempts + 1;
        const reason = (error as Error).message;
        logger.error('push retry failed', { messageId, attempts, error: reason });
        if (attempts >= MAX_PUSH_ATTEMPTS) {
          await deps.store.finishPush(userId, messageId, 'failed', { gaveUp: { attempts, reason } });
          countPush('failed');
          countDispatchGiveUp();
        } else {
          await deps.store.defer(userId, messageId, attempts, new Date(now().getTime() + PUSH_RETRY_DELAYS_MS[attempts - 1]!), reason);
        }
        return false;
      }
    },

    /**
     * Delivery of the event was given up (failed-batches.ts): each of its messages whose push is still
     * pending ends 'failed' with the give-up and `reason` on it, rather than waiting on attempts that
     * fail the same way. A push another attempt holds is left to it. Returns the pushes given up.
     */
    async giveUp(event: NotificationEvent, reason: string): Promise<number> {
      const messageId = messageIdFor(event.occurredAt, event.eventId);
      let given = 0;
      for (const rule of RULES[event.type] ?? []) {
        for (const userId of new Set(await recipients(event, audienceFor(rule, event)))) {
          const stored = await deps.store.message(userId, messageId);
          if (stored?.pushStatus !== 'pending' || !(await deps.store.leasePush(userId, messageId))) continue;
          await deps.store.finishPush(userId, messageId, 'failed', { gaveUp: { attempts: stored.pushAttempts ?? 1, reason } });
          countPush('failed');
          given += 1;
        }
      }
      return given;
    },
  };
}
