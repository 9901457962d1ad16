import * as z from 'zod';
import { NOTIFICATION_EVENT_TYPES } from './events';
import { TEMPLATE_KEYS } from './templates';

export const pushStatusSchema = z
  .enum(['in_app', 'pending', 'sent', 'no_subscription', 'refused', 'quota_exceeded', 'failed'])
  .meta({ description: '微信订阅消息的推送结果：仅站内消息、待推送、已推送、未订阅、用户已拒收、额度用尽、发送失败' });
export type PushStatus = z.infer<typeof pushStatusSchema>;

export const messageSchema = z
  .object({
    messageId: z.string(),
    type: z.enum(NOTIFICATION_EVENT_TYPES),
    title: z.string(),
    body: z.string(),
    caseNumber: z.string().optional(),
    /** Mini-program page to open, e.g. pages/cases/detail/index?no=… */
    page: z.string().optional(),
    createdAt: z.string(),
    readAt: z.string().optional(),
    push: pushStatusSchema,
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const messageListSchema = z
  .object({ items: z.array(messageSchema), nextCursor: z.string().nullable(), unread: z.number().int() })
  .meta({ id: 'MessageList' });
export type MessageList = z.infer<typeof messageListSchema>;

export const messagePathSchema = z.object({ messageId: z.string() });

export const subscriptionResultSchema = z.enum(['accept', 'reject', 'ban', 'filter']);

/** What `wx.requestSubscribeMessage` answered, keyed by template id. */
export const subscriptionUpdateSchema = z
  .object({
    results: z
      .record(z.string().max(128), subscriptionResultSchema)
      .refine((value) => Object.keys(value).length > 0 && Object.keys(value).length <= 10, '订阅结果为空或过多'),
  })
  .meta({ id: 'SubscriptionUpdate' });

export const subscriptionTemplateSchema = z
  .object({
    key: z.enum(TEMPLATE_KEYS),
    templateId: z.string(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(['once', 'long']),
    /** Once templates: sends left (each 允许 adds one). Long: whether it is on. */
    remaining: z.number().int().optional(),
    active: z.boolean(),
  })
  .meta({ id: 'SubscriptionTemplate' });
export type SubscriptionTemplate = z.infer<typeof subscriptionTemplateSchema>;

export const subscriptionListSchema = z
  .object({ templates: z.array(subscriptionTemplateSchema) })
  .meta({ id: 'SubscriptionList' });
export type SubscriptionList = z.infer<typeof subscriptionListSchema>;
