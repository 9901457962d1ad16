import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyFiling } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AGENCY_FILING_PREFIX, agencyFilingKey, agencyPartition } from './keys';

/**
 * Branches (分社) and service outlets (服务网点) an agency has filed: one row each under the agency's credit
 * code, written by the decision that accepts the filing (cases/outcomes.ts), in its own transaction, and
 * read by the registry's agency page. The filing's case number keys the row (one filing, one row) but is
 * not shown: the public reference is the 备案登记证明's number.
 */
export interface StoredFiling extends AgencyFiling {
  creditCode: string;
  agencyName: string;
  caseNumber: string;
  /** The region of the bureau it was filed with. */
  regionCode: string;
}

export const filingRecord = (filing: StoredFiling) => ({ ...agencyFilingKey(filing.creditCode, filing.kind, filing.caseNumber), entity: 'AgencyFiling', filing });

/** The row for the caller's transaction; a decision is taken once, so a filing is never written twice. */
export const filingPut = (filing: StoredFiling) => ({ Put: { TableName: config().tableName, Item: filingRecord(filing), ConditionExpression: 'attribute_not_exists(pk)' } });

/** Every filing of an agency, branches and outlets apart, each in the order filed. */
export async function filingsOf(creditCode: string): Promise<{ branches: AgencyFiling[]; outlets: AgencyFiling[] }> {
  const filings: AgencyFiling[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: config().tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': agencyPartition(creditCode), ':prefix': AGENCY_FILING_PREFIX },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const { kind, name, address, filedOn, filedWith, receiptNumber } = item.filing as StoredFiling;
      filings.push({ kind, name, address, filedOn, filedWith, receiptNumber });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const byDate = (a: AgencyFiling, b: AgencyFiling) => a.filedOn.localeCompare(b.filedOn) || a.name.localeCompare(b.name);
  return { branches: filings.filter((f) => f.kind === 'branch').sort(byDate), outlets: filings.filter((f) => f.kind === 'outlet').sort(byDate) };
}
