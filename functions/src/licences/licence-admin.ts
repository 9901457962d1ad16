import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LICENCE_ACTIONS, type LicenceAction, type LicenceActionRequest, type StaffLicence } from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import type { AuthStore } from '../auth/store';
import type { Caller } from '../auth/caller';
import { newEventId, outboxPut } from '../notifications/outbox';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { requireStaff } from '../staff/service';
import { licenceReissue, licenceState, licenceStatusChange, usersOfHolder, type LicenceContent, type LicenceState } from './issued-licences';
import { walletEntry } from './wallet-view';

/** What the holder reads in 消息 for each action. */
const HOLDER_NOTE: Record<LicenceAction, string> = {
  change: '已变更换发新版本，请在我的证照中出示新版本',
  suspend: '已被暂停使用',
  resume: '已恢复使用',
  revoke: '已被吊销',
  cancel: '已注销',
};

/** The actions a licence allows in its state (only staff of the issuing organisation may take them). */
const actionsFor = (state: LicenceState) => (Object.keys(LICENCE_ACTIONS) as LicenceAction[]).filter((action) => (LICENCE_ACTIONS[action].from as readonly string[]).includes(state.status));

/**
 * Staff of the organisation that issued a licence change, suspend, resume, revoke or cancel it
 * (变更/暂停/恢复/吊销/注销) with a reason, a legal basis and the day it takes effect. A change re-issues
 * the licence as a new signed version that supersedes the one before. Each action is one transaction:
 * the licence (only if no one changed it since the staff member saw it) and a message to every user
 * bound to the holder (消息, and a push where subscribed).
 */
export function licenceAdministration(deps: { people: AuthStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function staffFor(caller: Caller, state: LicenceState | undefined) {
    // Staff who may decide in any organisation may look a licence up; acting is for the issuer's own.
    const user = await requireStaff(deps.people, caller, 'decide');
    if (!state) throw new AppError('LICENCE_NOT_FOUND');
    return { user, own: user.staff!.organisationCode === state.current.issuer.code };
  }

  function view(state: LicenceState, own: boolean): StaffLicence {
    return { ...walletEntry(state, cstDay(now())), actions: own ? actionsFor(state) : [] };
  }

  return {
    async get(caller: Caller, licenceId: string): Promise<StaffLicence> {
      const state = await licenceState(licenceId, true);
      const { own } = await staffFor(caller, state);
      return view(state!, own);
    },

    async act(caller: Caller, licenceId: string, request: LicenceActionRequest): Promise<StaffLicence> {
      const state = await licenceState(licenceId, true);
      const { user, own } = await staffFor(caller, state);
      if (!own) throw new AppError('AUTH_FORBIDDEN');
      if (request.version !== state!.currentVersion) throw new AppError('LICENCE_VERSION_CONFLICT');
      if (!actionsFor(state!).includes(request.action)) throw new AppError('LICENCE_ACTION_NOT_ALLOWED', `证照当前为“${walletEntry(state!, cstDay(now())).statusLabel}”，不能${LICENCE_ACTIONS[request.action].label}`);

      const at = now().toISOString();
      const entry = { at, action: request.action, reason: request.reason, legalBasis: request.legalBasis, effectiveOn: request.effectiveOn ?? cstDay(at), by: user.userId };
      let next: LicenceState;
      let writes: object[];
      if (request.action === 'change') {
        const { format: _format, keyId: _keyId, version: _version, licenceId: _id, typeCode: _code, typeName: _name, ...current } = state!.current;
        const changes = request.changes!;
        const content: LicenceContent = {
          ...current,
          issuedOn: cstDay(at),
          ...(changes.scope ? { scope: changes.scope } : {}),
          ...(changes.details ? { details: { ...current.details, ...changes.details } } : {}),
          ...(changes.holderName ? { holder: { ...current.holder, name: changes.holderName } } : {}),
        };
        ({ state: next, writes } = await licenceReissue(state!, content, entry));
      } else {
        const change = licenceStatusChange(state!, LICENCE_ACTIONS[request.action].to, entry);
        next = change.state;
        writes = [change.write];
      }
      const { tableName } = config();
      const recipients = await usersOfHolder(state!.holderKey);
      const events = recipients.map((userId) =>
        outboxPut(tableName, {
          eventId: newEventId(),
          type: 'licence_changed',
          occurredAt: at,
          caseNumber: state!.number,
          itemName: state!.current.typeName,
          organisationCode: state!.current.issuer.code,
          applicantUserId: userId,
          applicantDisplayName: state!.current.holder.name,
          detail: { phrase: LICENCE_ACTIONS[request.action].label, note: HOLDER_NOTE[request.action], reason: request.reason, licenceId: state!.licenceId },
        }),
      );
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: [...writes, ...events] as never }));
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw new AppError('LICENCE_VERSION_CONFLICT');
        throw error;
      }
      logger.info('licence changed', { licenceId, action: request.action, version: next.currentVersion, status: next.status });
      return view(next, true);
    },
  };
}
