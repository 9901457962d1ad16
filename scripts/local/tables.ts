import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { REPO_ROOT, SERVERLESS_BIN } from './paths';

const run = promisify(execFile);

interface CfnResource {
  Type: string;
  Properties: Record<string, any>;
}

export interface TableDefinition {
  create: CreateTableCommandInput;
  ttlAttribute?: string;
}

/** serverless.yml resolved for a stage (`serverless print`): the one definition local runs follow. */
export async function printServerless(stage: string, env: NodeJS.ProcessEnv): Promise<Record<string, any>> {
  const { stdout } = await run(process.execPath, [SERVERLESS_BIN, 'print', '--stage', stage, '--format', 'json'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, any>;
}

/** The DynamoDB tables exactly as serverless.yml declares them, so local and deployed tables agree. */
export function tableDefinitions(config: Record<string, any>): TableDefinition[] {
  const resources = (config.resources?.Resources ?? {}) as Record<string, CfnResource>;
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::DynamoDB::Table')
    .map(({ Properties: p }) => toCreateTable(p));
}

/** CloudFormation table properties → CreateTable input (CloudFormation-only fields dropped). */
export function toCreateTable(p: Record<string, any>): TableDefinition {
  const create: CreateTableCommandInput = {
    TableName: p.TableName,
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    BillingMode: p.BillingMode ?? 'PAY_PER_REQUEST',
    ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}),
    ...(p.LocalSecondaryIndexes ? { LocalSecondaryIndexes: p.LocalSecondaryIndexes } : {}),
    // CloudFormation's StreamSpecification has no StreamEnabled; CreateTable requires it.
    ...(p.StreamSpecification ? { StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } } : {}),
  };
  const ttl = p.TimeToLiveSpecification;
  return { create, ...(ttl?.Enabled ? { ttlAttribute: ttl.AttributeName as string } : {}) };
}

/** Creates each table unless it exists, and waits until it is active. Safe to run repeatedly. */
export async function ensureTables(client: DynamoDBClient, tables: TableDefinition[]): Promise<void> {
  for (const table of tables) {
    try {
      await client.send(new CreateTableCommand(table.create));
      if (table.ttlAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: table.create.TableName,
            TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: table.create.TableName }));
      if (Table?.TableStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
