import { TEMPLATE_KEYS, TEMPLATES, type SubscriptionTemplate, type TemplateKey } from '@ah-tourism/shared';
import { authStore } from '../auth/store';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import type { Caller } from '../auth/caller';
import { notificationStore, type NotificationStore } from './store';

/** Subscriptions and the message centre, as the signed-in user sees them. */
export function inboxService(store: NotificationStore = notificationStore(), people = authStore()) {
  const templateIds = () => config().wechat.templateIds;

  /** Applicant templates for everyone; staff templates only for (currently) bound staff. */
  async function templatesFor(caller: Caller): Promise<TemplateKey[]> {
    const user = await people.user(caller.userId);
    return TEMPLATE_KEYS.filter((key) => templateIds()[key] && (TEMPLATES[key].audience === 'applicant' || !!user?.staff));
  }

  async function subscriptions(caller: Caller): Promise<SubscriptionTemplate[]> {
    const [keys, stored] = await Promise.all([templatesFor(caller), store.subscriptions(caller.userId)]);
    return keys.map((key) => {
      const definition = TEMPLATES[key];
      const record = stored.find((s) => s.templateKey === key);
      return {
        key,
        templateId: templateIds()[key]!,
        title: definition.title,
        description: definition.description,
        kind: definition.kind,
        ...(definition.kind === 'once' ? { remaining: record?.remaining ?? 0 } : {}),
        active: definition.kind === 'once' ? (record?.remaining ?? 0) > 0 : record?.active === true,
      };
    });
  }

  return {
    subscriptions,

    /** Records what the user answered in wx.requestSubscribeMessage. */
    async record(caller: Caller, results: Record<string, string>) {
      const allowed = await templatesFor(caller);
      const byId = new Map(allowed.map((key) => [templateIds()[key]!, key]));
      const unknown = Object.keys(results).filter((id) => !byId.has(id));
      if (unknown.length) throw new AppError('SUBSCRIPTION_TEMPLATE_UNKNOWN', undefined, unknown.map((id) => ({ path: `results.${id}`, message: '该消息模板不存在或您无权订阅' })));
      for (const [templateId, result] of Object.entries(results)) {
        const key = byId.get(templateId)!;
        await store.recordSubscription(caller.userId, key, templateId, TEMPLATES[key].kind, result);
      }
      return subscriptions(caller);
    },

    messages: (caller: Caller, limit: number, cursor: string | undefined) => store.listMessages(caller.userId, limit, cursor),

    async markRead(caller: Caller, messageId: string) {
      if (!/^\d{17}-[0-9a-f]{12}$/.test(messageId) || (await store.markRead(caller.userId, messageId)) === 'missing') throw new AppError('MESSAGE_NOT_FOUND');
    },
  };
}
