import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LICENCE_KINDS, normaliseSearchText, type LicenceKind, type LicencePayload, type LicenceStatus } from '@ah-tourism/shared';
import { signLicence } from '@ah-tourism/shared/src/licences/token';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { HOLDER_BINDING_PREFIX, holderBindingKey, holderKindKey, holderLicenceSk, holderPartition, licenceStateKey, licenceVersionKey, registryPartition } from './keys';
import { licenceSigningKey } from './signing-keys';

/** One entry of a licence's history: issued, changed (a new version), suspended, resumed, revoked, cancelled. */
export interface LicenceHistoryEntry {
  at: string;
  action: 'issue' | 'change' | 'suspend' | 'resume' | 'revoke' | 'cancel';
  version: number;
  reason?: string;
  legalBasis?: string;
  effectiveOn?: string;
  caseNumber?: string;
  by?: string;
}

/** The licence now (the `STATE` row): what verification, the wallet and the registries read. */
export interface LicenceState {
  licenceId: string;
  kind: LicenceKind;
  number: string;
  holderKey: string;
  regionCode: string;
  /** The city whose public registry lists the licence, when not the issuer's region (registry-region.ts). */
  registryRegion?: string;
  status: LicenceStatus;
  currentVersion: number;
  /** The current version as signed, and the token its QR code carries. */
  current: LicencePayload;
  currentToken: string;
  history: LicenceHistoryEntry[];
}

/** What a licence says, before it is given its key and version and signed. */
export type LicenceContent = Omit<LicencePayload, 'format' | 'keyId' | 'version' | 'licenceId' | 'typeCode' | 'typeName'>;

/** 证照标识: type code, issuing organisation and number; unique because the number is unique per issuer. */
export const licenceIdOf = (kind: LicenceKind, issuerCode: string, number: string) => `${LICENCE_KINDS[kind].typeCode}-${issuerCode}-${number}`;

/**
 * 证照编号: `<L|D>-AH-<first 4 digits of the issuer's region>-<year>-<serial>`, the serial being that of
 * the decision that granted it (准予行政许可决定书, unique and gap-free per organisation and year), so the
 * licence takes no counter of its own. One organisation licenses each kind in a region.
 */
export function licenceNumber(kind: LicenceKind, regionCode: string, year: number, serial: number): string {
  return `${LICENCE_KINDS[kind].numberPrefix}-AH-${regionCode.slice(0, 4)}-${year}-${String(serial).padStart(5, '0')}`;
}

async function signed(content: LicenceContent, licenceId: string, version: number): Promise<{ payload: LicencePayload; token: string }> {
  const key = await licenceSigningKey();
  const { typeCode, typeName } = LICENCE_KINDS[content.kind];
  const payload: LicencePayload = { format: 'AHL1', keyId: key.keyId, licenceId, typeCode, typeName, version, ...content };
  return { payload, token: signLicence(payload, key.privateKey) };
}

/**
 * What a registry search matches, normalised: an agency's name; of a guide only what the registry shows
 * (the surname) and the employer, so a name fragment cannot uncover the masked part of a guide's name
 * (a guide's full name matches exactly, registry.ts); and the number in both.
 */
export function registrySearchText(state: Pick<LicenceState, 'kind' | 'number' | 'current'>): string {
  const { holder, details } = state.current;
  const words = state.kind === 'tour_guide' ? [[...holder.name][0] ?? '', details['执业单位'] ?? ''] : [holder.name];
  return normaliseSearchText([...words, state.number].join(' '));
}

/** The `STATE` row as stored, with its index keys: by the seed too, so seeded licences are found alike. */
export function stateRecord(state: LicenceState) {
  return {
    ...licenceStateKey(state.licenceId),
    entity: 'Licence',
    state,
    gsi1pk: holderPartition(state.holderKey),
    gsi1sk: holderLicenceSk(state.kind, state.number),
    gsi2pk: registryPartition(state.kind, state.registryRegion ?? state.regionCode),
    gsi2sk: state.number,
    registryText: registrySearchText(state),
  };
}

function stateItem(state: LicenceState) {
  return { TableName: config().tableName, Item: stateRecord(state) };
}

/** One signed version as stored (immutable). */
export const versionRecord = (payload: LicencePayload, token: string, at: string) => ({ ...licenceVersionKey(payload.licenceId, payload.version), entity: 'LicenceVersion', token, issuedAt: at, caseNumber: payload.caseNumber });

function versionItem(payload: LicencePayload, token: string, at: string) {
  return { TableName: config().tableName, Item: versionRecord(payload, token, at), ConditionExpression: 'attribute_not_exists(pk)' };
}

/**
 * The rows that issue a new licence, for the caller's own transaction (the decision that grants it):
 * the state (only if no licence of that id exists, so it is never issued twice), version 1, and the
 * bindings of the users who may see it in 我的证照.
 */
export async function licenceIssue(input: { content: LicenceContent; holderKey: string; regionCode: string; registryRegion?: string; at: string; by: string; bindUserIds: string[] }) {
  const licenceId = licenceIdOf(input.content.kind, input.content.issuer.code, input.content.number);
  const { payload, token } = await signed(input.content, licenceId, 1);
  const state: LicenceState = {
    licenceId,
    kind: input.content.kind,
    number: input.content.number,
    holderKey: input.holderKey,
    regionCode: input.regionCode,
    ...(input.registryRegion && input.registryRegion !== input.regionCode ? { registryRegion: input.registryRegion } : {}),
    status: 'valid',
    currentVersion: 1,
    current: payload,
    currentToken: token,
    history: [{ at: input.at, action: 'issue', version: 1, caseNumber: input.content.caseNumber, by: input.by }],
  };
  const writes = [
    { Put: { ...stateItem(state), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: versionItem(payload, token, input.at) },
    // One licence of a kind per holder: two decisions for the same holder at once cannot both issue one
    // (the later one is refused here and re-issues the licence the first one issued).
    {
      Put: {
        TableName: config().tableName,
        Item: { ...holderKindKey(input.holderKey, input.content.kind), entity: 'HolderLicenceKind', licenceId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...input.bindUserIds.map((userId) => holderBinding(userId, input.holderKey, input.at, input.content.caseNumber)),
  ];
  return { state, writes };
}

/** The row that lets a user see a holder's licences in 我的证照 (written again harmlessly). */
export function holderBinding(userId: string, holderKey: string, at: string, caseNumber: string) {
  return {
    Put: {
      TableName: config().tableName,
      Item: { ...holderBindingKey(userId, holderKey), entity: 'HolderBinding', holderKey, userId, boundAt: at, caseNumber, gsi1pk: holderPartition(holderKey), gsi1sk: `USER#${userId}` },
    },
  };
}

/**
 * The rows that re-issue a licence as its next version (a change, 变更): the new version signed, the
 * state moved to it only if no one else changed the licence since it was read.
 */
export async function licenceReissue(state: LicenceState, content: LicenceContent, entry: Omit<LicenceHistoryEntry, 'version'>) {
  const version = state.currentVersion + 1;
  const { payload, token } = await signed(content, state.licenceId, version);
  const next: LicenceState = { ...state, currentVersion: version, current: payload, currentToken: token, history: [...state.history, { ...entry, version }] };
  const writes = [
    { Put: { ...stateItem(next), ConditionExpression: '#state.currentVersion = :seen', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':seen': state.currentVersion } } },
    { Put: versionItem(payload, token, entry.at) },
  ];
  return { state: next, writes };
}

/** The state row written with a new status (suspend, resume, revoke, cancel), under the same check. */
export function licenceStatusChange(state: LicenceState, status: LicenceStatus, entry: Omit<LicenceHistoryEntry, 'version'>) {
  const next: LicenceState = { ...state, status, history: [...state.history, { ...entry, version: state.currentVersion }] };
  const write = {
    Put: {
      ...stateItem(next),
      ConditionExpression: '#state.currentVersion = :seen AND #state.#status = :status',
      ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
      ExpressionAttributeValues: { ':seen': state.currentVersion, ':status': state.status },
    },
  };
  return { state: next, write };
}

export async function licenceState(licenceId: string, consistent = false): Promise<LicenceState | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: licenceStateKey(licenceId), ConsistentRead: consistent }));
  return Item?.state as LicenceState | undefined;
}

/** The holders whose licences a user may see. */
export async function holdersOf(userId: string): Promise<string[]> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: config().tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': HOLDER_BINDING_PREFIX },
    }),
  );
  return (Items ?? []).map((item) => item.holderKey as string);
}

/** The users bound to a holder: who hears of a change to its licences. */
export async function usersOfHolder(holderKey: string): Promise<string[]> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: config().tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :holder AND begins_with(gsi1sk, :users)',
      ExpressionAttributeValues: { ':holder': holderPartition(holderKey), ':users': 'USER#' },
    }),
  );
  return (Items ?? []).map((item) => item.userId as string);
}


