/**
 * Bootstrap: the first administrator of a stage cannot be invited through the app (nobody can invite
 * yet). With AWS credentials for the account:
 *
 *   npm run admin:invite -- --stage prod --organisation 11340000003325011J --name 张三 \
 *     --permissions org_admin [--provincial-admin] [--region cn-north-1]
 *
 * prints a single-use invitation code (valid 72 hours) that the person redeems in the mini-program
 * (我的 › 工作人员绑定). --provincial-admin also makes them a provincial administrator. Against the
 * local system: --stage local (uses DynamoDB Local on DYNAMODB_PORT).
 */
import { parseArgs } from 'node:util';
import { STAFF_PERMISSION_KEYS, type StaffPermission } from '@ah-tourism/shared';
import { authStore } from '../../functions/src/auth/store';
import { issueInvitation } from '../../functions/src/staff/service';
import { LOCAL_AWS_ENV } from '../local/dynamodb-local';

const { values } = parseArgs({
  options: {
    stage: { type: 'string' },
    organisation: { type: 'string' },
    name: { type: 'string' },
    permissions: { type: 'string', default: 'org_admin' },
    'provincial-admin': { type: 'boolean', default: false },
    region: { type: 'string', default: 'cn-north-1' },
  },
});

async function main(): Promise<void> {
  const { stage, organisation, name } = values;
  if (!stage || !organisation || !name) {
    console.error('Usage: npm run admin:invite -- --stage <stage> --organisation <credit code> --name <姓名> [--permissions a,b] [--provincial-admin]');
    process.exit(2);
  }
  const permissions = values.permissions!.split(',').map((p) => p.trim()) as StaffPermission[];
  const unknown = permissions.filter((p) => !STAFF_PERMISSION_KEYS.includes(p));
  if (unknown.length) {
    console.error(`Unknown permission(s): ${unknown.join(', ')}. Known: ${STAFF_PERMISSION_KEYS.join(', ')}`);
    process.exit(2);
  }
  Object.assign(process.env, { STAGE: stage, TABLE_NAME: `ah-tourism-${stage}-main`, AWS_REGION: values.region });
  if (stage === 'local') Object.assign(process.env, LOCAL_AWS_ENV, { DYNAMODB_ENDPOINT: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}` });

  const store = authStore();
  if (!(await store.organisation(organisation))) {
    console.error(`No organisation ${organisation} in ah-tourism-${stage}-main (is the catalog seeded?)`);
    process.exit(1);
  }
  const invitation = await issueInvitation(store, {
    organisationCode: organisation,
    name,
    permissions,
    invitedBy: 'bootstrap',
    grantsProvincialAdmin: values['provincial-admin'],
  });
  console.log(`Invitation for ${name}: ${invitation.code} (valid until ${invitation.expiresAt}). Redeem it in 我的 › 工作人员绑定.`);
}

void main();
