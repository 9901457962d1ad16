import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LicenceKind } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import type { LicenceState } from './issued-licences';
import { holderPartition } from './keys';

/*
 * Apart from issued-licences.ts, which signs: the wallet reads this system's licences through here, so
 * the functions that only read them (submission, the apply page's licence lookup) bundle no signing code.
 */
/** Every licence of these holders, of one kind or all. */
export async function licencesOfHolders(holderKeys: string[], kind?: LicenceKind): Promise<LicenceState[]> {
  const pages = await Promise.all(
    holderKeys.map((holderKey) =>
      dynamo().send(
        new QueryCommand({
          TableName: config().tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :holder AND begins_with(gsi1sk, :prefix)',
          ExpressionAttributeValues: { ':holder': holderPartition(holderKey), ':prefix': kind ? `LIC#${kind}#` : 'LIC#' },
        }),
      ),
    ),
  );
  return pages.flatMap((page) => (page.Items ?? []).map((item) => item.state as LicenceState));
}
