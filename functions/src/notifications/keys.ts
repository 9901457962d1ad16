import { createHash } from 'node:crypto';

/**
 * Key layout of notifications in the single table (see README, "Access patterns"):
 *   CASE#<no> / OUTBOX#<eventId>          an event to deliver; the stream feeds the dispatcher, TTL  (stream)
 *   CASE#<no> / TIMER#<kind>              a deadline reminder; GSI2 TIMER#<day> / <fireAt>#<no>#<kind> Query
 *   USER#<id> / MSG#<messageId>           one message in the message centre, with its push state   Query
 *                                         while its push is pending: GSI2 PUSHWATCH#<day> / <at>#…   Query
 *   USER#<id> / INBOX                     unread counter                                           GetItem
 *   USER#<id> / SUBSCRIPTION#<template>   what the user allowed (once: sends left; long: on/off)   GetItem
 *   SCHEDULER / SWEEP                     when the timer sweep last ran                            GetItem
 */
export const outboxKey = (caseNumber: string, eventId: string) => ({ pk: `CASE#${caseNumber}`, sk: `OUTBOX#${eventId}` });
export const OUTBOX_KIND = 'outbox';
export const timerKey = (caseNumber: string, kind: string) => ({ pk: `CASE#${caseNumber}`, sk: `TIMER#${kind}` });
export const timerPartition = (day: string) => `TIMER#${day}`;
export const messageKey = (userId: string, messageId: string) => ({ pk: `USER#${userId}`, sk: `MSG#${messageId}` });
export const MESSAGE_PREFIX = 'MSG#';
/** GSI2 partition of the pending pushes to look at again (retry or give up), one per CST day of that time. */
export const pushWatchPartition = (day: string) => `PUSHWATCH#${day}`;
export const inboxKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'INBOX' });
export const subscriptionKey = (userId: string, templateKey: string) => ({ pk: `USER#${userId}`, sk: `SUBSCRIPTION#${templateKey}` });
export const SUBSCRIPTION_PREFIX = 'SUBSCRIPTION#';
export const sweepStateKey = { pk: 'SCHEDULER', sk: 'SWEEP' };

/**
 * One message per (event, recipient), named so that it sorts by time and is the same however often
 * the event is delivered: `<yyyyMMddHHmmssSSS>-<hash of event id>`.
 */
export function messageIdFor(occurredAt: string, eventId: string): string {
  const compact = occurredAt.replace(/[-:TZ.]/g, '').slice(0, 17);
  return `${compact}-${createHash('sha256').update(eventId).digest('hex').slice(0, 12)}`;
}
