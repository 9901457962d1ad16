import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  CASE_CHANNELS,
  LEVELS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  NATIONAL_FIELDS,
  creditCodeRegion,
  formatImplementationCode,
  type ImplementationItem,
  type ImportReportLine,
  type ImportResult,
  type ImportSummary,
} from '@ah-tourism/shared';
import { config } from '../platform/config';
import { seal, type KeyProvider } from '../platform/crypto';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { importedApplicant, importedCase, importedCaseTransaction, nationalKey } from './case-rows';
import { parseImportFile } from './parse';
import { validateRow, type NationalRecord, type RowProblem } from './rows';

export interface ImportDeps {
  /** The current published guide of an implementation code (the catalog's cache). */
  guide: (implementationCode: string) => Promise<ImplementationItem | undefined>;
  keys: KeyProvider;
  now?: () => Date;
  /** Rows written at once (each its own transaction). */
  concurrency?: number;
  /** After this long no further row is started, so the answer and the import record beat the API's 30 s. */
  timeBudgetMs?: number;
}

export interface ImportRequest {
  /** The importing organisation's unified social credit code: every row must be its case. */
  organisationCode: string;
  /** Who imports: a staff member, or later a signed API consumer. Kept on the import record. */
  actor: { id: string; name: string };
  format: 'csv' | 'json';
  content: string;
  fileName?: string;
}

const SOURCE = 'national_tourism_system' as const;
export const importsPartition = (organisationCode: string) => `IMPORTS#${organisationCode}`;
const importKey = (organisationCode: string, importId: string) => ({ pk: importsPartition(organisationCode), sk: `IMPORT#${importId}` });
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Sortable by time (newest last), unguessable: 10 characters of milliseconds and 12 random ones. */
export function newImportId(at: Date): string {
  const time = at.getTime().toString(32).toUpperCase().padStart(10, '0');
  const random = [...randomBytes(12)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `${time}${random}`;
}

/**
 * 导入全国旅游监管服务平台办件: the file read, each row checked on its own, each good row written as a
 * read-only case of channel `national_tourism_system` in its own transaction, conditioned on its national
 * number not being in yet (so a re-import writes nothing for rows already in), and the import with its
 * row report kept. A row's problems never stop the others. Called by the staff upload route and, later,
 * by the signed open API.
 */
export async function importNationalRecords(deps: ImportDeps, request: ImportRequest): Promise<ImportResult> {
  const now = deps.now ?? (() => new Date());
  const db = dynamo();
  const { tableName: TableName } = config();
  if (Buffer.byteLength(request.content, 'utf8') > MAX_IMPORT_BYTES) throw new AppError('IMPORT_TOO_MANY_ROWS', '文件超过1MB，请拆分文件后分批导入');
  const parsed = parseImportFile(request.format, request.content);
  if ('problem' in parsed) throw new AppError('IMPORT_FILE_INVALID', parsed.problem);
  if (!parsed.rows.length) throw new AppError('IMPORT_FILE_INVALID', '文件中没有办件记录，请从表头下一行起每行填写一条办件');
  if (parsed.rows.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', `文件有${parsed.rows.length}条办件，一次最多导入${MAX_IMPORT_ROWS}条，请拆分后分批导入`);

  const at = now();
  const importId = newImportId(at);
  const importedAt = at.toISOString();
  const lines: ImportReportLine[][] = [];
  const rejected = (row: number, nationalCaseNumber: string | undefined, problems: RowProblem[]): ImportReportLine[] =>
    // A rejected row's number is as typed: kept short in the report.
    problems.map((p) => ({ row, ...(nationalCaseNumber ? { nationalCaseNumber: nationalCaseNumber.slice(0, 60) } : {}), outcome: 'rejected' as const, field: p.field, problem: p.problem }));

  // Rows are checked first, all of them, so a number repeated within the file is refused wherever it repeats.
  const firstRowOf = new Map<string, number>();
  const checked = parsed.rows.map((raw) => {
    const result = validateRow(raw, at);
    const number = raw.values.nationalCaseNumber;
    if ('record' in result && number) {
      const first = firstRowOf.get(number);
      if (first !== undefined) return { raw, problems: [{ field: NATIONAL_FIELDS.nationalCaseNumber.title, problem: `与第${first}行的办件编号重复，同一办件只能出现一次` }] };
      firstRowOf.set(number, raw.row);
    }
    return { raw, ...result };
  });

  const guides = new Map<string, Promise<ImplementationItem | undefined>>();
  const guideOf = (code: string) => {
    if (!guides.has(code)) guides.set(code, deps.guide(code).catch(() => undefined));
    return guides.get(code)!;
  };

  async function itemOf(record: NationalRecord): Promise<ImplementationItem | RowProblem> {
    const field = NATIONAL_FIELDS.itemCode.title;
    if (record.organisationCode !== request.organisationCode) return { field: NATIONAL_FIELDS.organisationCode.title, problem: '实施机构代码与导入单位不一致，只能导入本单位办理的办件' };
    if (record.itemCode.length === 10) {
      // A basic code: the organisation's own implementation of it, at whichever level it implements it.
      const regionCode = creditCodeRegion(request.organisationCode);
      for (const level of Object.keys(LEVELS) as (keyof typeof LEVELS)[]) {
        const guide = await guideOf(formatImplementationCode({ basicCode: record.itemCode, level, regionCode, creditCode: request.organisationCode }));
        if (guide) return guide;
      }
      return { field, problem: '本单位的事项清单中没有该基本编码的事项，请核对事项编码' };
    }
    const guide = await guideOf(record.itemCode);
    if (!guide) return { field, problem: '事项清单中没有该实施编码，请核对事项编码' };
    if (guide.organisation.creditCode !== request.organisationCode) return { field, problem: '该事项不由本单位实施，只能导入本单位事项的办件' };
    return guide;
  }

  async function writeRow(record: NationalRecord): Promise<ImportReportLine[]> {
    const item = await itemOf(record);
    if ('problem' in item) return rejected(record.row, record.nationalCaseNumber, [item]);
    const sealedApplicant = await seal(deps.keys, importedApplicant(record.applicant));
    const imported = importedCase(record, item, sealedApplicant, { importId, importedAt });
    const done = { row: record.row, nationalCaseNumber: record.nationalCaseNumber, caseNumber: imported.record.caseNumber };
    try {
      await db.send(new TransactWriteCommand({ TransactItems: importedCaseTransaction(TableName, imported, importId) }));
      return [{ ...done, outcome: 'imported' }];
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code !== 'ConditionalCheckFailed') {
        // The national number is free but our case number is taken (a collision): nothing was written.
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return rejected(record.row, record.nationalCaseNumber, [{ field: '整行', problem: '办件编号冲突，未导入，请联系系统管理员' }]);
        throw error;
      }
      const { Item } = await db.send(new GetCommand({ TableName, Key: nationalKey(record.nationalCaseNumber), ConsistentRead: true }));
      if (Item?.organisationCode !== request.organisationCode) {
        return rejected(record.row, record.nationalCaseNumber, [{ field: NATIONAL_FIELDS.nationalCaseNumber.title, problem: '该办件编号已由其他单位导入，请核对办件编号' }]);
      }
      return [{ ...done, caseNumber: Item.caseNumber as string, outcome: 'already_imported' }];
    }
  }

  // The report is kept compressed: 500 rows with several problems each would not fit one item as text.
  // Good rows are written a few at a time; each row's lines keep the file's order. Rows not started within
  // the time budget are reported as deferred: the same file imported again writes them (and only them).
  const deadline = Date.now() + (deps.timeBudgetMs ?? 20_000);
  const deferred = (record: NationalRecord): ImportReportLine[] => [
    { row: record.row, nationalCaseNumber: record.nationalCaseNumber, outcome: 'deferred', field: '整行', problem: '本次导入时间已到，该行未处理，请再次导入同一文件（已导入的行不会重复写入）' },
  ];
  let next = 0;
  const workers = Array.from({ length: Math.min(deps.concurrency ?? 8, checked.length) }, async () => {
    while (next < checked.length) {
      const index = next++;
      const row = checked[index]!;
      lines[index] = 'record' in row && row.record ? (Date.now() > deadline ? deferred(row.record) : await writeRow(row.record)) : rejected(row.raw.row, row.raw.values.nationalCaseNumber, 'problems' in row ? row.problems! : []);
    }
  });
  await Promise.all(workers);

  const flat = lines.flat();
  const outcomes = checked.map((_, index) => lines[index]![0]!.outcome);
  const summary: ImportSummary = {
    importId,
    organisationCode: request.organisationCode,
    importedAt,
    importedBy: request.actor.name,
    source: SOURCE,
    sourceLabel: CASE_CHANNELS[SOURCE].label,
    format: request.format,
    ...(request.fileName ? { fileName: request.fileName } : {}),
    rows: checked.length,
    imported: outcomes.filter((o) => o === 'imported').length,
    alreadyImported: outcomes.filter((o) => o === 'already_imported').length,
    rejected: outcomes.filter((o) => o === 'rejected').length,
    deferred: outcomes.filter((o) => o === 'deferred').length,
  };
  await db.send(new PutCommand({ TableName, Item: { ...importKey(request.organisationCode, importId), entity: 'NationalImport', summary, actorId: request.actor.id, report: gzipSync(JSON.stringify(flat)) } }));
  logger.info('national records imported', { importId, organisationCode: request.organisationCode, rows: summary.rows, imported: summary.imported, alreadyImported: summary.alreadyImported, rejected: summary.rejected, deferred: summary.deferred });
  return { ...summary, lines: flat };
}

/** The organisation's imports, newest first (the report is read apart). */
export async function listImports(organisationCode: string, limit = 50): Promise<ImportSummary[]> {
  const { Items = [] } = await dynamo().send(
    new QueryCommand({
      TableName: config().tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :import)',
      ExpressionAttributeValues: { ':pk': importsPartition(organisationCode), ':import': 'IMPORT#' },
      ProjectionExpression: 'summary',
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => item.summary as ImportSummary);
}

/** One import of the organisation with its row report; another organisation's looks like none. */
export async function importReport(organisationCode: string, importId: string): Promise<ImportResult> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: importKey(organisationCode, importId) }));
  if (!Item) throw new AppError('IMPORT_NOT_FOUND');
  return { ...(Item.summary as ImportSummary), lines: JSON.parse(gunzipSync(Item.report as Uint8Array).toString('utf8')) as ImportReportLine[] };
}
