import { createHash, randomInt } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CASE_CHANNELS, CASE_STATUSES, type CaseDetail, type HallIntakeReceipt, type ImplementationItem } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { authStore } from '../auth/store';
import { currentStaff } from '../staff/service';
import { config } from '../platform/config';
import { seal, unseal, type KeyProvider } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { chainEntry, stepPayload } from './audit';
import { caseAuditSk, casePartition } from './keys';
import type { CaseRecord, EventRecord, StepRecord, StoredCase } from './records';
import type { StaffUser } from './staff-views';
import { caseRecordItem } from './store';
import { unclaimedOwner, type CaseSubmission } from './submission';

/*
 * 线上线下联合办理: a hall-window staff member enters a walk-in application into the same system on the
 * person's behalf (channel 窗口), and hands over a receipt (回执) with the case number and a one-time claim
 * code. After signing in on the phone the person enters both, and the case moves to their 我的办件.
 *
 * The code: 8 characters from 31 unambiguous ones (about 40 bits), drawn with the CSPRNG. Only its hash is
 * kept for checking, salted with the case number; the code itself is kept sealed, so the window can
 * print the receipt again (a retried entry answers the same receipt). Five wrong codes lock the claim
 * (the person then goes back to the window), a claimed case cannot be claimed again, and the code
 * expires after 30 days.
 */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 8;
export const MAX_CLAIM_ATTEMPTS = 5;
export const CLAIM_VALID_DAYS = 30;
export const CLAIM_SK = 'CLAIM';

/** The caller as staff, read from the table (a revoked binding stops working at once); anyone else is refused. */
export const staffOnly = (caller: Caller): Promise<StaffUser> => currentStaff(authStore(), caller);

export function newClaimCode(): string {
  return Array.from({ length: CLAIM_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** As typed: case and separators do not matter (the receipt prints it as XXXX-XXXX). */
export const normaliseClaimCode = (typed: string) => typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
export const formatClaimCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
export const claimCodeHash = (caseNumber: string, code: string) => createHash('sha256').update(`${caseNumber}:${normaliseClaimCode(code)}`).digest('hex');

interface ClaimRow {
  codeHash: string;
  sealedCode: unknown;
  attempts: number;
  expiresAt: string;
  claimedBy?: string;
  claimedAt?: string;
}

export interface HallIntakeDeps {
  submission: Pick<CaseSubmission, 'enter'>;
  /** The caller as staff (read from the table), refused when not staff. */
  staffOf: (caller: Caller) => Promise<StaffUser>;
  guide: (implementationCode: string) => Promise<ImplementationItem | undefined>;
  keys: KeyProvider;
  /** The claimer's page of the case once it is theirs. */
  view: (found: StoredCase, userId: string) => Promise<CaseDetail>;
  getCase: (caseNumber: string) => Promise<StoredCase | undefined>;
  now?: () => Date;
}

export function hallIntake(deps: HallIntakeDeps) {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();
  const claimKey = (caseNumber: string) => ({ pk: casePartition(caseNumber), sk: CLAIM_SK });

  async function readClaim(caseNumber: string): Promise<ClaimRow | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName, Key: claimKey(caseNumber), ConsistentRead: true }));
    return Item as ClaimRow | undefined;
  }

  function receipt(stored: StoredCase, code: string, claim: Pick<ClaimRow, 'expiresAt' | 'claimedAt'>): HallIntakeReceipt {
    const { record } = stored;
    return {
      caseNumber: record.caseNumber,
      itemName: record.itemName,
      organisationName: record.organisationName,
      applicantName: record.applicantDisplayName,
      submittedAt: record.submittedAt,
      channelLabel: CASE_CHANNELS.hall_window.label,
      enteredBy: record.enteredBy?.name ?? '',
      statusLabel: CASE_STATUSES[record.status].label,
      claimCode: formatClaimCode(code),
      claimExpiresAt: claim.expiresAt,
      claimed: !!claim.claimedAt,
      materials: [
        ...stored.application.materials.map((m) => ({ order: m.order ?? 0, name: m.name, how: m.source === 'issued_licence' ? '电子证照调取' : `扫描件 ${m.files.length} 份` })),
        ...(stored.application.commitments ?? []).map((c) => {
          const order = stored.guide.guide.materials.findIndex((m) => m.id === c.materialId);
          return { order, name: stored.guide.guide.materials[order]?.name ?? c.materialId, how: '告知承诺（申请人当面签署）' };
        }),
      ]
        .sort((a, b) => a.order - b.order)
        .map(({ name, how }) => ({ name, how })),
    };
  }

  return {
    /** POST /staff/intake: the walk-in application, once per idempotency key; answers the receipt. */
    async enter(caller: Caller, idempotencyKey: string | undefined, body: unknown): Promise<{ created: boolean; receipt: HallIntakeReceipt }> {
      const user = await deps.staffOf(caller);
      if (!user.staff.permissions.includes('hall_window')) throw new AppError('AUTH_FORBIDDEN', '只有大厅窗口工作人员可以代为录入申请');
      const implementationCode = (body as { implementationCode?: unknown } | null)?.implementationCode;
      const item = typeof implementationCode === 'string' ? await deps.guide(implementationCode) : undefined;
      if (item && item.organisation.creditCode !== user.staff.organisationCode) throw new AppError('INTAKE_ORGANISATION_MISMATCH');
      const signedInPerson = (body as { signedInPerson?: unknown } | null)?.signedInPerson === true;
      const code = newClaimCode();
      const at = now();
      const expiresAt = new Date(at.getTime() + CLAIM_VALID_DAYS * 86_400_000).toISOString();
      const sealedCode = await seal(deps.keys, { code });
      const { created, stored } = await deps.submission.enter(caller, idempotencyKey, body, {
        staff: { userId: user.userId, name: user.displayName },
        signedInPerson,
        claimRows: async (caseNumber) => [
          {
            Put: {
              TableName,
              Item: { ...claimKey(caseNumber), entity: 'CaseClaim', codeHash: claimCodeHash(caseNumber, code), sealedCode, attempts: 0, expiresAt },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      });
      if (created) {
        logger.info('walk-in application entered at the hall window', { caseNumber: stored.record.caseNumber, staffId: user.staff.staffId });
        return { created, receipt: receipt(stored, code, { expiresAt }) };
      }
      // A retry: the same receipt, with the code the first request issued.
      const claim = await readClaim(stored.record.caseNumber);
      if (!claim) throw new AppError('CASE_NOT_FOUND');
      const earlier = await unseal<{ code: string }>(deps.keys, claim.sealedCode as never);
      return { created, receipt: receipt(stored, earlier.code, claim) };
    },

    /**
     * POST /cases/claim: the person, signed in, claims a hall-window case with the receipt's code. Wrong
     * codes count against the case; the right one moves it to the caller's 我的办件 in one transaction
     * with the claim (once) and a history step in the case's audit chain.
     */
    async claim(caller: Caller, caseNumber: string, typedCode: string): Promise<CaseDetail> {
      const claim = await readClaim(caseNumber);
      // A case without a claim row (applied online, or no such case) looks exactly like a wrong code.
      if (!claim) throw new AppError('CLAIM_CODE_INVALID');
      if (claim.claimedBy) {
        if (claim.claimedBy !== caller.userId) throw new AppError('CLAIM_ALREADY_CLAIMED');
        const mine = await deps.getCase(caseNumber);
        if (!mine) throw new AppError('CASE_NOT_FOUND');
        return deps.view(mine, caller.userId);
      }
      if (claim.attempts >= MAX_CLAIM_ATTEMPTS) throw new AppError('CLAIM_LOCKED');
      if (claimCodeHash(caseNumber, typedCode) !== claim.codeHash) {
        const counted = await db.send(
          new UpdateCommand({
            TableName,
            Key: claimKey(caseNumber),
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: 'attempts < :max AND attribute_not_exists(claimedBy)',
            ExpressionAttributeValues: { ':one': 1, ':max': MAX_CLAIM_ATTEMPTS },
            ReturnValues: 'ALL_NEW',
          }),
        ).catch((error: unknown) => {
          if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return undefined;
          throw error;
        });
        const attempts = (counted?.Attributes?.attempts as number | undefined) ?? MAX_CLAIM_ATTEMPTS;
        const left = MAX_CLAIM_ATTEMPTS - attempts;
        if (left <= 0) throw new AppError('CLAIM_LOCKED');
        throw new AppError('CLAIM_CODE_INVALID', `办件编号或认领码不正确，请核对回执（还可尝试 ${left} 次）`);
      }
      if (Date.parse(claim.expiresAt) < now().getTime()) throw new AppError('CLAIM_EXPIRED');
      const stored = await deps.getCase(caseNumber);
      if (!stored) throw new AppError('CASE_NOT_FOUND');
      const { record } = stored;
      if (record.enteredBy?.userId === caller.userId) throw new AppError('AUTH_FORBIDDEN', '工作人员不能认领自己代为录入的办件，请由申请人本人在手机上认领');
      const at = now().toISOString();
      const event: EventRecord = { at, seq: stored.events.length, action: 'claim_case', from: record.status, to: record.status, by: 'applicant', actorId: caller.userId };
      const entry = chainEntry(record.auditHead, { at, actorId: caller.userId, actorRole: 'applicant', action: event.action, from: record.status, to: record.status }, stepPayload({ event }));
      const next: CaseRecord = { ...record, submitterUserId: caller.userId, version: record.version + 1, auditHead: { seq: entry.seq, hash: entry.hash } };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName,
                  Key: claimKey(caseNumber),
                  UpdateExpression: 'SET claimedBy = :me, claimedAt = :at',
                  ConditionExpression: 'attribute_not_exists(claimedBy) AND attempts < :max AND codeHash = :hash',
                  ExpressionAttributeValues: { ':me': caller.userId, ':at': at, ':max': MAX_CLAIM_ATTEMPTS, ':hash': claim.codeHash },
                },
              },
              {
                Put: {
                  TableName,
                  Item: caseRecordItem(next),
                  ConditionExpression: '#record.version = :version AND #record.submitterUserId = :unclaimed',
                  ExpressionAttributeNames: { '#record': 'record' },
                  ExpressionAttributeValues: { ':version': record.version, ':unclaimed': unclaimedOwner(caseNumber) },
                },
              },
              { Put: { TableName, Item: { pk: casePartition(caseNumber), sk: caseAuditSk(entry.seq), entity: 'CaseStep', step: { entry, event } satisfies StepRecord }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          const now = await readClaim(caseNumber);
          if (now?.claimedBy === caller.userId) return this.claim(caller, caseNumber, typedCode);
          throw new AppError(now?.claimedBy ? 'CLAIM_ALREADY_CLAIMED' : 'CLAIM_LOCKED');
        }
        // Staff acted on the case meanwhile: the person simply tries again.
        throw new AppError('CASE_VERSION_CONFLICT', '办件刚刚有了新的进展，请重新认领');
      }
      logger.info('hall-window case claimed', { caseNumber });
      return deps.view({ ...stored, record: next, events: [...stored.events, event] }, caller.userId);
    },
  };
}

export type HallIntake = ReturnType<typeof hallIntake>;
