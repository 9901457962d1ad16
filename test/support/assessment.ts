import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AssessmentReport, Figure, FigureKey } from '@ah-tourism/shared';
import { localDynamoClient } from '../../scripts/local/dynamodb-local';
import { api } from './api';
import { asUser } from './applications';

/*
 * Cases written straight into the table with dates in the past (the API stamps every step with the
 * present), in the shapes the case functions store: the case record, its step rows, its evaluation and
 * rectification task, all in one transaction, so the stream hands them to the aggregator as one change.
 */

export const HUANGSHAN = { organisationCode: '113410000039113649', name: '黄山市文化和旅游局', regionCode: '341000' };
export const HEFEI = { organisationCode: '113401000030141720', name: '合肥市文化和旅游局', regionCode: '340100' };
export const PROVINCE = { organisationCode: '11340000003325011J', name: '安徽省文化和旅游厅', regionCode: '340000' };
type Organisation = typeof HUANGSHAN;

export interface SeedStep {
  at: string;
  action: string;
  from: string | null;
  to: string;
  completionDays?: number;
}

export interface SeedCase {
  caseNumber: string;
  organisation: Organisation;
  basicCode: string;
  level: '2' | '3';
  status: string;
  submittedAt: string;
  channel?: 'hall_window' | 'portal';
  completion?: { startedAt: string; dueAt: string; pausedAt?: string };
  steps: SeedStep[];
  evaluation?: { level: string; at: string; voided?: boolean };
  task?: { status: string; createdAt: string; dueAt: string; callBackAt?: string; respondedAt?: string };
}

export const implementationCode = (c: Pick<SeedCase, 'basicCode' | 'level' | 'organisation'>) => `${c.basicCode}${c.level}${c.organisation.regionCode}${c.organisation.organisationCode}`;

export function seedRows(c: SeedCase) {
  const pk = `CASE#${c.caseNumber}`;
  const code = implementationCode(c);
  const record = {
    caseNumber: c.caseNumber,
    status: c.status,
    version: c.steps.length + 1,
    implementationCode: code,
    itemName: '考核测试事项',
    organisationName: c.organisation.name,
    organisationCode: c.organisation.organisationCode,
    regionCode: c.organisation.regionCode,
    submitterUserId: 'assessment-seed',
    applicantKind: 'enterprise',
    applicantDisplayName: '考核测试旅行社有限公司',
    guideVersion: 1,
    submittedAt: c.submittedAt,
    clock: c.completion ? { completion: c.completion } : {},
    ...(c.channel ? { channel: c.channel } : {}),
  };
  const steps = c.steps.map((step, i) => ({
    pk,
    sk: `AUDIT#${String(i + 2).padStart(6, '0')}`,
    entity: 'CaseStep',
    step: {
      event: { at: step.at, seq: i + 1, action: step.action, from: step.from, to: step.to, by: 'staff', actorId: 'assessment-seed' },
      ...(step.completionDays ? { document: { kind: 'acceptance_notice', template: 1, number: `考核受〔2025〕${i + 1}号`, issuedAt: step.at, issuer: c.organisation.name, completionDays: step.completionDays } } : {}),
    },
  }));
  const evaluation = c.evaluation && {
    pk,
    sk: 'EVALUATION',
    entity: 'Evaluation',
    stored: {
      evaluation: { level: c.evaluation.level, at: c.evaluation.at, channel: 'miniapp', dimensions: {}, tags: [] },
      organisationCode: c.organisation.organisationCode,
      organisationName: c.organisation.name,
      implementationCode: code,
      itemName: '考核测试事项',
      ...(c.evaluation.voided ? { voided: true } : {}),
    },
  };
  const task = c.task && {
    pk,
    sk: 'EVALUATION#TASK',
    entity: 'Rectification',
    task: {
      subjectKind: 'case',
      subjectId: c.caseNumber,
      partition: pk,
      organisationCode: c.organisation.organisationCode,
      organisationName: c.organisation.name,
      itemName: '考核测试事项',
      level: c.evaluation?.level,
      tags: [],
      channel: 'miniapp',
      status: c.task.status,
      createdAt: c.task.createdAt,
      dueAt: c.task.dueAt,
      version: 1,
      personName: '张*',
      callBacks: c.task.callBackAt ? [{ at: c.task.callBackAt, method: 'phone', reached: true, note: '已回访', by: '工作人员' }] : [],
      ...(c.task.respondedAt ? { response: { outcome: 'immediate', response: '已整改', at: c.task.respondedAt, by: '工作人员' } } : {}),
      history: [],
    },
  };
  return [{ pk, sk: 'META', entity: 'Case', record }, ...steps, ...(evaluation ? [evaluation] : []), ...(task ? [task] : [])];
}

export async function writeRows(rows: Record<string, unknown>[]): Promise<void> {
  const client = DynamoDBDocumentClient.from(localDynamoClient(process.env.DYNAMODB_ENDPOINT!));
  try {
    await client.send(new TransactWriteCommand({ TransactItems: rows.map((Item) => ({ Put: { TableName: process.env.TABLE_NAME!, Item } })) }));
  } finally {
    client.destroy();
  }
}

export const figure = (report: Pick<AssessmentReport, 'figures'>, key: FigureKey): Figure => report.figures.find((f) => f.key === key)!;

/** The figures that come from cases (the catalog's are checked against the catalog), as value/numerator/denominator. */
export function caseFigures(report: Pick<AssessmentReport, 'figures'>) {
  return Object.fromEntries(
    report.figures
      .filter((f) => !f.key.startsWith('items'))
      .map((f) => [f.key, f.numerator === undefined ? f.value : [f.numerator, f.denominator]]),
  );
}

export const assessmentReport = (token: string, query: Record<string, string>) => api<AssessmentReport>(`/staff/assessment?${new URLSearchParams(query)}`, { headers: asUser(token) });
