import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LICENCE_KINDS, PROVINCE_REGION_CODE, maskIdentityNumber, type Applicant, type ImplementationItem, type LicenceKind, type Region } from '@ah-tourism/shared';
import { cstDay } from '@ah-tourism/shared/src/calendar/working-days';
import { licencesOfHolders } from '../licences/holder-licences';
import { holderBinding, licenceIssue, licenceNumber, licenceReissue, licenceState, type LicenceContent, type LicenceState } from '../licences/issued-licences';
import { filingPut } from '../licences/agency-filings';
import { enterpriseHolder, holderKindKey, personHolder, representedPersonHolder } from '../licences/keys';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { registryRegionFor } from '../licences/registry-region';
import { unseal, type KeyProvider } from '../platform/crypto';
import type { DocumentKind } from './documents';
import type { IssuedDocument, StoredCase } from './records';

/**
 * What a decision issues follows the item, not only the decision: a licensing decision (and its
 * electronic licence) for 行政许可, a filing receipt or refusal for 备案, a confirmation for 行政确认 and an
 * answer letter for 公共服务, each citing the legal basis of the case's guide version.
 */
const CONFIRMATION_TYPE = '07';
const PUBLIC_SERVICE_TYPE = '20';

export function decisionDocumentKind(kind: DocumentKind, guide: ImplementationItem): DocumentKind {
  if (kind !== 'approval_decision' && kind !== 'refusal_decision') return kind;
  const granted = kind === 'approval_decision';
  if (guide.guide.result.type === 'filing') return granted ? 'filing_receipt' : 'filing_refusal';
  if (guide.itemType === CONFIRMATION_TYPE) return granted ? 'confirmation_decision' : 'non_confirmation_decision';
  if (guide.itemType === PUBLIC_SERVICE_TYPE) return granted ? 'service_reply' : 'service_refusal';
  return kind;
}

/** 《旅行社条例》第十一条、…: what documents other than licensing decisions cite. */
export const legalBasisText = (guide: ImplementationItem) => guide.guide.legalBasis.map((basis) => `${basis.law}${basis.articles}`).join('、');

/** The day before the same date `years` later: a validity of 3 years from 2026-12-04 ends on 2029-12-03. */
export function validUntil(issuedOn: string, years: number | undefined): string | undefined {
  if (!years) return undefined;
  const end = new Date(`${issuedOn}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export interface GrantedLicence {
  writes: object[];
  summary: NonNullable<IssuedDocument['licence']>;
}

/**
 * The licence a granting decision issues, as rows for the decision's own transaction, so no case is
 * approved without its licence and none is issued twice. The holder is the enterprise (seen by the
 * agent who applied for it) or the person (seen by themselves when they applied; a person represented
 * by an agent is held apart until identities are verified). If the holder already has a licence of this
 * kind from this system, the decision re-issues it as a new version with the new scope (e.g. 出境旅游业务
 * added), keeping its number; otherwise a new licence takes the decision's serial for its number.
 */
export async function grantedLicence(input: {
  stored: StoredCase;
  keys: KeyProvider;
  serial: number;
  year: number;
  at: string;
  actorId: string;
  /** The province's regions: which city's registry lists a licence the province issues (registry-region.ts). */
  regions: () => Promise<Region[]>;
}): Promise<GrantedLicence | undefined> {
  const { stored } = input;
  const definition = stored.guide.guide.result.licence;
  if (!definition) return undefined;
  const applicant = await unseal<Applicant>(input.keys, stored.application.sealedApplicant);
  const issuedOn = cstDay(input.at);
  const fields = stored.guide.applicationFields;
  const details = {
    ...Object.fromEntries(
      (definition.detailFields ?? []).flatMap((key) => {
        const value = stored.application.fields[key];
        const label = fields.find((field) => field.key === key)?.label.replace(/（.*）$/, '') ?? key;
        return value === undefined || value === '' ? [] : [[label, String(value)]];
      }),
    ),
    ...definition.fixedDetails,
  };
  const record = stored.record;
  const holder =
    applicant.kind === 'enterprise'
      ? { kind: 'enterprise' as const, name: applicant.enterprise.name, code: applicant.enterprise.creditCode }
      : { kind: 'person' as const, name: applicant.person.name, code: maskIdentityNumber(applicant.person.idNumber) };
  const holderKey =
    applicant.kind === 'enterprise' ? enterpriseHolder(applicant.enterprise.creditCode) : applicant.agent ? representedPersonHolder(record.caseNumber) : personHolder(record.submitterUserId);
  const content = (number: string): LicenceContent => ({
    kind: definition.kind,
    number,
    holder,
    issuer: { name: record.organisationName, code: record.organisationCode },
    issuedOn,
    validFrom: issuedOn,
    ...(validUntil(issuedOn, LICENCE_KINDS[definition.kind].validYears) ? { validUntil: validUntil(issuedOn, LICENCE_KINDS[definition.kind].validYears) } : {}),
    scope: definition.scope,
    details,
    caseNumber: record.caseNumber,
  });
  const typeName = LICENCE_KINDS[definition.kind].typeName;

  const held = await heldLicence(holderKey, definition.kind);
  if (held) {
    const { state, writes } = await licenceReissue(held, content(held.number), { at: input.at, action: 'change', caseNumber: record.caseNumber, by: input.actorId, reason: `${record.itemName}（办件 ${record.caseNumber}）` });
    const binding = holderKey.startsWith('PER#CASE#') ? [] : [holderBinding(record.submitterUserId, holderKey, input.at, record.caseNumber)];
    return { writes: [...writes, ...binding], summary: { licenceId: state.licenceId, number: state.number, typeName } };
  }
  const number = licenceNumber(definition.kind, record.regionCode, input.year, input.serial);
  const registryRegion =
    record.regionCode === PROVINCE_REGION_CODE ? registryRegionFor({ kind: definition.kind, issuerRegion: record.regionCode, holderCode: holder.code, employer: details['执业单位'] }, await input.regions()) : undefined;
  const { state, writes } = await licenceIssue({
    content: content(number),
    holderKey,
    regionCode: record.regionCode,
    ...(registryRegion ? { registryRegion } : {}),
    at: input.at,
    by: input.actorId,
    bindUserIds: holderKey.startsWith('PER#CASE#') ? [] : [record.submitterUserId],
  });
  return { writes, summary: { licenceId: state.licenceId, number: state.number, typeName } };
}

/** The filings that put a branch or a service outlet on an agency's registry page, and the fields that name it. */
const AGENCY_FILINGS: Record<string, { kind: 'branch' | 'outlet'; name: string; address: string }> = {
  '1000121000': { kind: 'branch', name: 'branchName', address: 'branchAddress' }, // 旅行社分社设立备案
  '1000122000': { kind: 'outlet', name: 'outletName', address: 'outletAddress' }, // 旅行社服务网点设立备案
};

/**
 * The branch (分社) or service outlet (服务网点) an accepted filing records under the agency's credit code,
 * for the decision's own transaction (a staff member's 予以备案 or smart approval's auto_approve), so the
 * registry shows it exactly when the filing receipt exists. Other items write nothing.
 */
export async function filedOutlet(input: { stored: StoredCase; keys: KeyProvider; at: string; receiptNumber: string }): Promise<object[]> {
  const { stored } = input;
  const filing = AGENCY_FILINGS[stored.guide.basicCode];
  if (!filing || stored.guide.guide.result.type !== 'filing') return [];
  const applicant = await unseal<Applicant>(input.keys, stored.application.sealedApplicant);
  if (applicant.kind !== 'enterprise') return [];
  const { fields } = stored.application;
  const { record } = stored;
  return [
    filingPut({
      kind: filing.kind,
      name: String(fields[filing.name] ?? ''),
      address: String(fields[filing.address] ?? ''),
      filedOn: cstDay(input.at),
      filedWith: record.organisationName,
      receiptNumber: input.receiptNumber,
      creditCode: applicant.enterprise.creditCode,
      agencyName: applicant.enterprise.name,
      caseNumber: record.caseNumber,
      regionCode: record.regionCode,
    }),
  ];
}

/**
 * The holder's valid licence of a kind, read consistently: through the row that marks the one this
 * system issued (so a decision made a moment ago is seen), else among the holder's licences on GSI1
 * (licences loaded before that row existed).
 */
async function heldLicence(holderKey: string, kind: LicenceKind): Promise<LicenceState | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: config().tableName, Key: holderKindKey(holderKey, kind), ConsistentRead: true }));
  const marked = Item ? await licenceState(Item.licenceId as string, true) : undefined;
  if (marked) return marked.status === 'valid' ? marked : undefined;
  return (await licencesOfHolders([holderKey], kind)).find((state) => state.status === 'valid');
}
