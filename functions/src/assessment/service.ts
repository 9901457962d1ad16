import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  FIGURES,
  LEVELS,
  cstDay,
  type AssessmentCases,
  type AssessmentCasesQuery,
  type AssessmentItems,
  type AssessmentItemsQuery,
  type ItemSummary,
  type Level,
  type AssessmentQuery,
  type AssessmentReport,
  type AssessmentScope,
  type Region,
  type WorkingCalendar,
} from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { AuthStore } from '../auth/store';
import { caseKey } from '../cases/keys';
import type { CatalogStore, ItemFilter } from '../catalog/store';
import type { CaseRecord } from '../cases/records';
import { staffCaseSummary } from '../cases/staff-views';
import { currentUser } from '../staff/service';
import { config } from '../platform/config';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { isItemFigure, itemStanding } from './catalog-fold';
import { buildReport, monthsOf, type AggregateItem } from './report';
import { CATALOG_SK, PROVINCE_CODE, cityOfRegion, organisationOfItem, drillCityPartition, drillPartition, drillProvincePartition, scopePartition, yearSk, type ScopeRef } from './keys';

/**
 * Reports from the aggregates: one BatchGetItem of the scope's year items of the period (at most three for
 * 24 months) and its catalog item, whatever the number of cases. The cases behind a figure come from the
 * drill-down rows, a page at a time.
 */

export interface AssessmentDeps {
  people: AuthStore;
  regions: () => Promise<Region[]>;
  calendar: () => Promise<WorkingCalendar>;
  /** The catalog's published items (SUMMARY rows by region), for the items behind a catalog figure. */
  catalog?: CatalogStore;
  now?: () => Date;
}

const MAX_MONTHS = 24;
const DEFAULT_PAGE = 20;
/** The items behind a catalog figure are listed whole (a few hundred at most); past this many the list is cut. */
export const MAX_LISTED_ITEMS = 1000;
const CATALOG_PAGE = 200;
/** Guides read at once for the negative list's reasons (only negative-listed items on the list need one). */
const GUIDE_READS = 10;

export interface ResolvedScope {
  ref: ScopeRef;
  /** The city the scope lies in (a city itself; an organisation's), for who may read it. */
  city?: string;
}

export function assessmentService(deps: AssessmentDeps) {
  const db = dynamo();
  const { tableName: TableName } = config();
  const now = deps.now ?? (() => new Date());

  /** The period asked for, or this year's January to this month (CST); at most 24 months, in order. */
  function period(query: { from?: string; to?: string }) {
    const month = cstDay(now()).slice(0, 7);
    const to = query.to ?? month;
    const from = query.from ?? `${to.slice(0, 4)}-01`;
    if (from > to || monthsOf(from, to).length > MAX_MONTHS) {
      throw new AppError('ASSESSMENT_PERIOD_INVALID', undefined, [{ path: query.from && from > to ? 'from' : 'to', message: from > to ? '起始月份不能晚于截止月份' : '考核期间不能超过24个月' }]);
    }
    return { from, to };
  }

  function parseScope(value: string): ScopeRef {
    if (value === 'province') return { kind: 'province' };
    const [kind, code] = value.split(':') as [string, string];
    return kind === 'city' ? { kind: 'city', code } : { kind: 'organisation', code };
  }

  /**
   * Who sees what: provincial staff and provincial administrators any scope; other staff their own
   * organisation, their city and the organisations in it. Anyone else: 403.
   */
  async function allowedScope(caller: Caller, requested?: string): Promise<ScopeRef> {
    const user = await currentUser(deps.people, caller);
    const province = !!user.provincialAdmin || user.staff?.level === 'province';
    if (!user.staff && !province) throw new AppError('AUTH_FORBIDDEN');
    const ref = requested ? parseScope(requested) : user.staff ? ({ kind: 'organisation', code: user.staff.organisationCode } as const) : ({ kind: 'province' } as const);
    if (province) return ref;
    const staff = user.staff!;
    const ownCity = cityOfRegion(staff.regionCode);
    if (ref.kind === 'organisation' && ref.code === staff.organisationCode) return ref;
    if (ref.kind === 'city' && ownCity && ref.code === ownCity) return ref;
    if (ref.kind === 'organisation' && ownCity) {
      const organisation = await deps.people.organisation(ref.code);
      if (organisation && cityOfRegion(organisation.regionCode) === ownCity) return ref;
    }
    throw new AppError('ASSESSMENT_SCOPE_FORBIDDEN');
  }

  /** The scope as the report names it; 404 for a city or organisation that does not exist. */
  async function describe(ref: ScopeRef, stored: (AggregateItem | undefined)[]): Promise<AssessmentScope> {
    const storedName = stored.map((item) => item?.name).find((name): name is string => typeof name === 'string');
    if (ref.kind === 'organisation') {
      const name = storedName ?? (await deps.people.organisation(ref.code))?.name;
      if (!name) throw new AppError('ASSESSMENT_SCOPE_NOT_FOUND');
      return { kind: 'organisation', code: ref.code, name, query: `organisation:${ref.code}` };
    }
    const code = ref.kind === 'province' ? PROVINCE_CODE : ref.code;
    // The regions come from the catalog's in-memory cache; only a scope without aggregates needs them.
    const name = storedName ?? (await deps.regions()).find((region) => region.code === code && region.level === ref.kind)?.name;
    if (!name) throw new AppError('ASSESSMENT_SCOPE_NOT_FOUND');
    return ref.kind === 'province' ? { kind: 'province', code, name, query: 'province' } : { kind: 'city', code, name, query: `city:${code}` };
  }

  /** One BatchGetItem: the scope's year items of the period and its catalog item. */
  async function aggregates(ref: ScopeRef, from: string, to: string) {
    const pk = scopePartition(ref);
    const years = [...new Set(monthsOf(from, to).map((month) => month.slice(0, 4)))];
    const keys = [...years.map((year) => ({ pk, sk: yearSk(year) })), { pk, sk: CATALOG_SK }];
    const found = new Map<string, AggregateItem>();
    let request: { Keys: Record<string, string>[] } | undefined = { Keys: keys };
    for (let attempt = 0; request && request.Keys.length && attempt < 5; attempt += 1) {
      const result = await db.send(new BatchGetCommand({ RequestItems: { [TableName]: request } }));
      for (const item of result.Responses?.[TableName] ?? []) found.set(item.sk as string, item);
      request = result.UnprocessedKeys?.[TableName] as typeof request;
    }
    if (request?.Keys.length) throw new Error('assessment aggregates not read after retries');
    return { years: new Map(years.map((year) => [year, found.get(yearSk(year))])), catalog: found.get(CATALOG_SK) };
  }

  async function report(ref: ScopeRef, query: { from?: string; to?: string }): Promise<AssessmentReport> {
    const { from, to } = period(query);
    const { years, catalog } = await aggregates(ref, from, to);
    const scope = await describe(ref, [...years.values(), catalog]);
    return buildReport({ scope, from, to, years, ...(catalog ? { catalog } : {}) });
  }

  return {
    /** GET /staff/assessment */
    async staffReport(caller: Caller, query: AssessmentQuery): Promise<AssessmentReport> {
      return report(await allowedScope(caller, query.scope), query);
    },

    /** GET /public/assessment: the province (its cities as children) or one city; no cases. */
    async publicReport(query: { region?: string; from?: string; to?: string }): Promise<AssessmentReport> {
      const region = query.region ?? PROVINCE_CODE;
      const ref: ScopeRef = region === PROVINCE_CODE ? { kind: 'province' } : { kind: 'city', code: region };
      if (ref.kind === 'city' && cityOfRegion(region) !== region) throw new AppError('ASSESSMENT_SCOPE_NOT_FOUND');
      const full = await report(ref, query);
      return ref.kind === 'province' ? { ...full, children: full.children.filter((child) => child.scope.kind === 'city') } : full;
    },

    /** GET /staff/assessment/cases: the cases behind one figure, newest first. */
    async cases(caller: Caller, query: AssessmentCasesQuery): Promise<AssessmentCases> {
      const ref = await allowedScope(caller, query.scope);
      const { from, to } = period(query);
      const drill = FIGURES[query.figure].drill;
      if (drill === 'items') throw new AppError('ASSESSMENT_FIGURE_OPENS_ITEMS');
      const figure = drill === 'none' ? 'averageWorkingDays' : query.figure;
      const which = query.which === 'all' ? 'all' : 'fail';
      const index =
        ref.kind === 'organisation'
          ? { name: 'pk', sortName: 'sk', value: drillPartition(ref.code, figure, which) }
          : ref.kind === 'city'
            ? { indexName: 'GSI1', name: 'gsi1pk', sortName: 'gsi1sk', value: drillCityPartition(ref.code, figure, which) }
            : { indexName: 'GSI2', name: 'gsi2pk', sortName: 'gsi2sk', value: drillProvincePartition(figure, which) };
      const keyNames = index.indexName ? ['pk', 'sk', index.name, index.sortName] : ['pk', 'sk'];
      const startKey = query.cursor ? decodeCursor(query.cursor, keyNames, { name: index.name, value: index.value }) : undefined;
      const limit = query.limit ?? DEFAULT_PAGE;
      const result = await db.send(
        new QueryCommand({
          TableName,
          ...(index.indexName ? { IndexName: index.indexName } : {}),
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': index.name, '#sk': index.sortName },
          ExpressionAttributeValues: { ':pk': index.value, ':from': `${from}-01`, ':to': `${to}-31~` },
          ScanIndexForward: false,
          Limit: limit,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      const rows = result.Items ?? [];
      const records = await caseRecords(rows.map((row) => row.caseNumber as string));
      const calendar = await deps.calendar();
      const at = now();
      return {
        items: rows.flatMap((row) => {
          const record = records.get(row.caseNumber as string);
          return record ? [staffCaseSummary(record, calendar, at)] : [];
        }),
        nextCursor: result.LastEvaluatedKey ? encodeCursor(result.LastEvaluatedKey) : null,
      };
    },

    /** GET /staff/assessment/items: the published items behind one catalog figure, as they are now. */
    async items(caller: Caller, query: AssessmentItemsQuery): Promise<AssessmentItems> {
      const ref = await allowedScope(caller, query.scope);
      const figure = query.figure;
      if (!isItemFigure(figure)) throw new AppError('COMMON_VALIDATION_FAILED', undefined, [{ path: 'figure', message: '该指标不是事项类指标，请查看其办件' }]);
      const scope = await describe(ref, []);
      const which = query.which === 'all' ? 'all' : 'failing';
      const standing = (await scopeItems(ref)).map((summary) => ({ summary, ...itemStanding(summary, figure) }));
      const counted = standing.filter((entry) => entry.counted);
      const failing = counted.filter((entry) => entry.failing);
      const listed = (which === 'all' ? counted : failing).sort((a, b) => Number(b.failing) - Number(a.failing) || a.summary.name.localeCompare(b.summary.name, 'zh-CN'));
      const shown = listed.slice(0, MAX_LISTED_ITEMS);
      const reasons = await negativeListReasons(shown.filter((entry) => entry.summary.negativeListed).map((entry) => entry.summary.implementationCode));
      return {
        scope,
        figure,
        which,
        counted: counted.length,
        failing: failing.length,
        items: shown.map(({ summary, failing: fails }) => ({
          implementationCode: summary.implementationCode,
          name: summary.name,
          organisationName: summary.organisationName,
          regionCode: summary.regionCode,
          onlineDepth: summary.onlineDepth,
          visitsRequired: summary.visitsRequired,
          negativeListed: summary.negativeListed,
          ...(reasons.has(summary.implementationCode) ? { negativeListReason: reasons.get(summary.implementationCode)! } : {}),
          failing: fails,
        })),
        truncated: listed.length > MAX_LISTED_ITEMS,
      };
    },
  };

  /**
   * The published items of a scope, counted into it exactly as catalog-fold.ts does: an organisation's by
   * the credit code in the implementation code, a city's by the city of the item's region, the province's
   * all of them.
   */
  async function scopeItems(ref: ScopeRef): Promise<ItemSummary[]> {
    const catalogStore = deps.catalog;
    if (!catalogStore) throw new Error('assessment items need the catalog store');
    const regions = ref.kind === 'province' ? [] : (await deps.regions()).map((region) => region.code);
    let city: string | undefined;
    if (ref.kind === 'city') city = ref.code;
    if (ref.kind === 'organisation') {
      const organisation = await deps.people.organisation(ref.code);
      if (!organisation) throw new AppError('ASSESSMENT_SCOPE_NOT_FOUND');
      city = cityOfRegion(organisation.regionCode);
    }
    // The province: every level's partition of GSI2 (a few queries); a city (or an organisation in it): the
    // city's and its counties' regions on GSI1, side by side; a provincial organisation: the province's region.
    const partitions: ItemFilter['partition'][] =
      ref.kind === 'province'
        ? (Object.keys(LEVELS) as Level[]).map((level) => ({ level }))
        : regions.filter((code) => (city ? cityOfRegion(code) === city : code === PROVINCE_CODE)).map((region) => ({ region }));
    const pages = await Promise.all(
      partitions.map(async (partition) => {
        const found: ItemSummary[] = [];
        let cursor: string | undefined;
        do {
          const page = await catalogStore.listItems({ partition }, CATALOG_PAGE, cursor);
          found.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return found;
      }),
    );
    const summaries = pages.flat();
    if (ref.kind === 'organisation') return summaries.filter((summary) => organisationOfItem(summary.implementationCode) === ref.code);
    return summaries;
  }

  /** The negative list's reason of each item, from its current guide (a few items: only negative-listed ones). */
  async function negativeListReasons(codes: string[]): Promise<Map<string, string>> {
    const reasons = new Map<string, string>();
    const catalogStore = deps.catalog;
    if (!catalogStore) return reasons;
    for (let start = 0; start < codes.length; start += GUIDE_READS) {
      const guides = await Promise.all(codes.slice(start, start + GUIDE_READS).map((code) => catalogStore.getGuide(code)));
      for (const guide of guides) {
        const reason = guide?.guide.negativeList.reason;
        if (guide && reason) reasons.set(guide.implementationCode, reason);
      }
    }
    return reasons;
  }

  /** The case records of a page (one BatchGetItem of at most 50 keys), by case number. */
  async function caseRecords(caseNumbers: string[]): Promise<Map<string, CaseRecord>> {
    const records = new Map<string, CaseRecord>();
    let request: { Keys: Record<string, string>[]; ProjectionExpression: string } | undefined = {
      Keys: [...new Set(caseNumbers)].map((number) => caseKey(number)),
      ProjectionExpression: '#record',
    };
    for (let attempt = 0; request && request.Keys.length && attempt < 5; attempt += 1) {
      const result = await db.send(new BatchGetCommand({ RequestItems: { [TableName]: { ...request, ExpressionAttributeNames: { '#record': 'record' } } } }));
      for (const item of result.Responses?.[TableName] ?? []) records.set((item.record as CaseRecord).caseNumber, item.record as CaseRecord);
      request = result.UnprocessedKeys?.[TableName] as typeof request;
    }
    return records;
  }
}

export type AssessmentService = ReturnType<typeof assessmentService>;
