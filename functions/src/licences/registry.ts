import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  DEFAULT_PAGE_SIZE,
  issuerRegionOfNumber,
  normaliseSearchText,
  type LicenceKind,
  type Region,
  type RegisteredTravelAgencyDetail,
  type RegistryQuery,
  type TourGuidePage,
  type TravelAgencyPage,
} from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import { config } from '../platform/config';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { clientKey, takeFromWindow } from '../platform/rate-limit';
import { filingsOf } from './agency-filings';
import { registryPartition } from './keys';
import { agencyEntry, guideEntry, type RegistryRow } from './registry-entries';

/** Upper bound of Query round trips for one page when a keyword discards most rows of a city. */
const MAX_QUERIES_PER_PAGE = 8;
/** Rows read per round trip while filtering: a keyword keeps few of them. */
const FILTERED_READ = 100;
const KEY_NAMES = ['pk', 'sk', 'gsi2pk', 'gsi2sk'];

/**
 * Only what an entry shows, never the signed token or the holder binding; the index keys for the cursor.
 * `#state.#current` is the signed content (holder, issuer, scope, details, validity).
 */
const PROJECTION = {
  ProjectionExpression: 'pk, sk, gsi2pk, gsi2sk, #state.#kind, #state.#number, #state.#status, #state.regionCode, #state.registryRegion, #state.#current, #state.history',
  names: { '#state': 'state', '#kind': 'kind', '#number': 'number', '#status': 'status', '#current': 'current' },
};

/** One client's requests to the registries in the current minute; the next one beyond the limit gets 429 with Retry-After. */
export const takeRegistryRequest = (sourceIp: string | undefined) =>
  takeFromWindow('public-registry', clientKey(sourceIp ?? 'unknown'), config().publicRegistryPerMinute, Date.now(), 60_000, 'PUBLIC_REGISTRY_RATE_LIMITED');

/**
 * One page of a city's registry from GSI2 (`REGISTRY#<kind>#<city>`, sorted by number): the number as a
 * key condition (exact), the keyword as a filter on the normalised `registryText`. A filter applies after
 * DynamoDB's Limit, so a filtered page keeps reading (up to MAX_QUERIES_PER_PAGE round trips) until it is
 * full; the cursor is the key of the last row returned, or where reading stopped, so following it never
 * repeats or skips an entry. A guide also matches by their full name exactly (what is on their badge),
 * never by a fragment of the masked part.
 */
async function registryPage(kind: LicenceKind, query: RegistryQuery): Promise<{ rows: RegistryRow[]; nextCursor: string | null }> {
  const partition = registryPartition(kind, query.region);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const names: Record<string, string> = { ...PROJECTION.names };
  const values: Record<string, unknown> = { ':pk': partition };
  if (query.number) values[':number'] = query.number;
  let filter: string | undefined;
  if (query.keyword) {
    values[':keyword'] = normaliseSearchText(query.keyword);
    filter = 'contains(registryText, :keyword)';
    if (kind === 'tour_guide') {
      Object.assign(names, { '#holder': 'holder', '#name': 'name' });
      values[':fullName'] = query.keyword.trim();
      filter = `(${filter} OR #state.#current.#holder.#name = :fullName)`;
    }
  }
  const base: QueryCommandInput = {
    TableName: config().tableName,
    IndexName: 'GSI2',
    KeyConditionExpression: query.number ? 'gsi2pk = :pk AND gsi2sk = :number' : 'gsi2pk = :pk',
    ProjectionExpression: PROJECTION.ProjectionExpression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(filter ? { FilterExpression: filter } : {}),
  };
  let startKey: Record<string, unknown> | undefined = query.cursor ? decodeCursor(query.cursor, KEY_NAMES, { name: 'gsi2pk', value: partition }) : undefined;
  const rows: Record<string, unknown>[] = [];
  let exhausted = false;
  for (let round = 0; round < MAX_QUERIES_PER_PAGE && rows.length < limit; round += 1) {
    const wanted = limit - rows.length;
    const result = await dynamo().send(new QueryCommand({ ...base, Limit: filter ? Math.max(wanted, FILTERED_READ) : wanted, ExclusiveStartKey: startKey }));
    rows.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
    if (!startKey) {
      exhausted = true;
      break;
    }
  }
  let nextKey = exhausted ? undefined : startKey;
  if (rows.length > limit) {
    rows.length = limit;
    const last = rows[limit - 1]!;
    nextKey = Object.fromEntries(KEY_NAMES.map((name) => [name, last[name]]));
  }
  return { rows: rows.map((row) => row.state as RegistryRow), nextCursor: nextKey ? encodeCursor(nextKey) : null };
}

/** 旅行社名录 and 导游名录, per city; an agency's page with the branches and outlets it filed. */
export function publicRegistry(deps: { regions: () => Promise<Region[]>; now?: () => Date }) {
  const today = () => cstDay(deps.now?.() ?? new Date());

  async function checkRegion(region: string) {
    if (!(await deps.regions()).some((r) => r.code === region)) throw new AppError('CATALOG_REGION_NOT_FOUND');
  }

  return {
    async agencies(query: RegistryQuery): Promise<TravelAgencyPage> {
      await checkRegion(query.region);
      const { rows, nextCursor } = await registryPage('travel_agency', query);
      return { items: rows.map((row) => agencyEntry(row, today())), nextCursor };
    },

    async guides(query: RegistryQuery): Promise<TourGuidePage> {
      await checkRegion(query.region);
      const { rows, nextCursor } = await registryPage('tour_guide', query);
      return { items: rows.map((row) => guideEntry(row, today())), nextCursor };
    },

    /** By number within the city it is listed under (by default the region of the number's issuer). */
    async agency(number: string, region?: string): Promise<RegisteredTravelAgencyDetail> {
      const normalised = number.trim().toUpperCase();
      const city = region ?? issuerRegionOfNumber(normalised);
      if (!city || !/^[A-Z0-9-]{1,40}$/.test(normalised)) throw new AppError('REGISTRY_AGENCY_NOT_FOUND');
      await checkRegion(city);
      const { rows } = await registryPage('travel_agency', { region: city, number: normalised, limit: 1 });
      const row = rows[0];
      if (!row) throw new AppError('REGISTRY_AGENCY_NOT_FOUND');
      const entry = agencyEntry(row, today());
      return { ...entry, ...(await filingsOf(entry.creditCode)) };
    },
  };
}
