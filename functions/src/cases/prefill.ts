import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { fieldSchema, parseImplementationCode, type Applicant, type ApplicationPrefill, type ImplementationItem } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { config } from '../platform/config';
import { unseal, type KeyProvider } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { caseFormKey, userCasesPartition } from './keys';
import type { CaseApplication, CaseRecord } from './records';

/** How many of the person's newest applications a prefill looks at. */
export const PREFILL_LOOKBACK = 10;

/** One earlier application of the person, opened: who applied and the item's fields as submitted. */
export interface EarlierApplication {
  submittedAt: string;
  applicant: Applicant;
  fields: Record<string, unknown>;
}

/**
 * Field types that describe who applies or where (names, numbers typed as text, addresses, regions) and
 * so carry over from one application to the next; dates, amounts and choices belong to one application.
 */
const CARRIED_TYPES = new Set(['text', 'address', 'region']);

/**
 * The latest value of each part from the person's earlier applications, newest first: the applicant
 * person, enterprise and agent as last given, and each of this item's carried fields under the same key,
 * only if it is still valid for this item (its own schema and this implementation's rules). Pure.
 */
export function prefillFrom(item: Pick<ImplementationItem, 'applicationFields'> & { optionRules?: ImplementationItem['optionRules'] }, earlier: readonly EarlierApplication[]): ApplicationPrefill {
  const newestFirst = [...earlier].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const person = newestFirst.find((a) => a.applicant.kind === 'person')?.applicant;
  const enterprise = newestFirst.find((a) => a.applicant.kind === 'enterprise')?.applicant;
  const agent = newestFirst.find((a) => a.applicant.agent)?.applicant.agent;
  const fields: Record<string, string | number> = {};
  for (const field of item.applicationFields) {
    if (!CARRIED_TYPES.has(field.type)) continue;
    const schema = fieldSchema(field, item.optionRules?.find((r) => r.field === field.key));
    for (const application of newestFirst) {
      const value = application.fields[field.key];
      if ((typeof value === 'string' || typeof value === 'number') && value !== '' && schema.safeParse(value).success) {
        fields[field.key] = value;
        break;
      }
    }
  }
  const prefill: ApplicationPrefill = {
    found: false,
    from: newestFirst[0]?.submittedAt ?? null,
    ...(person?.kind === 'person' ? { person: { ...person.person } } : {}),
    ...(enterprise?.kind === 'enterprise' ? { enterprise: { ...enterprise.enterprise } } : {}),
    ...(agent ? { agent: { ...agent } } : {}),
    fields,
  };
  prefill.found = Boolean(prefill.person || prefill.enterprise || prefill.agent || Object.keys(fields).length);
  if (!prefill.found) prefill.from = null;
  return prefill;
}

export interface PrefillStore {
  /** The person's own newest applications (their META and FORM rows), newest first. */
  newestApplications(userId: string, limit: number): Promise<{ record: CaseRecord; application: CaseApplication }[]>;
}

export function dynamoPrefillStore(): PrefillStore {
  const db = dynamo();
  const { tableName } = config();
  return {
    async newestApplications(userId, limit) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :case)',
          ExpressionAttributeValues: { ':pk': userCasesPartition(userId), ':case': 'CASE#' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      // Imported cases were applied elsewhere: their applicant is not something this person typed here.
      const records = Items.map((row) => row.record as CaseRecord).filter((r) => r.submitterUserId === userId && !r.imported);
      const forms = await Promise.all(records.map((r) => db.send(new GetCommand({ TableName: tableName, Key: caseFormKey(r.caseNumber) }))));
      return records.flatMap((record, i) => {
        const application = forms[i]?.Item?.application as CaseApplication | undefined;
        return application?.sealedApplicant ? [{ record, application }] : [];
      });
    },
  };
}

/**
 * 根据既往申请预填: what the signed-in person gave in their own earlier applications, for a new form of
 * one item. Only the caller's own cases are read (their GSI1 partition, checked again on each record);
 * the sealed applicants are opened here and answered to that person only, never logged.
 */
export function applicationPrefill(deps: { store: PrefillStore; guide: (code: string) => Promise<ImplementationItem | undefined>; keys: KeyProvider }) {
  return {
    async forItem(caller: Caller, code: string | undefined): Promise<ApplicationPrefill> {
      if (!code || !parseImplementationCode(code)) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      const [item, stored] = await Promise.all([deps.guide(code), deps.store.newestApplications(caller.userId, PREFILL_LOOKBACK)]);
      if (!item) throw new AppError('CATALOG_ITEM_NOT_FOUND');
      const earlier = await Promise.all(
        stored.map(async ({ record, application }) => ({
          submittedAt: record.submittedAt,
          applicant: await unseal<Applicant>(deps.keys, application.sealedApplicant),
          fields: application.fields ?? {},
        })),
      );
      const prefill = prefillFrom(item, earlier);
      logger.info('application prefill', { looked: earlier.length, found: prefill.found, fields: Object.keys(prefill.fields).length });
      return prefill;
    },
  };
}
