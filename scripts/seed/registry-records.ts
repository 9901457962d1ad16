import { createHash } from 'node:crypto';
import { LICENCE_KINDS, type LicenceKind, type LicencePayload, type LicenceStatus } from '../../shared/src/licences/licence';
import { signLicence } from '../../shared/src/licences/token';
import { creditCodeCheckChar } from '../../shared/src/identity/credit-code';
import { formatCaseNumber } from '../../shared/src/cases/case-number';
import type { Organisation } from '../../shared/src/catalog/guide';
import { documentNumber } from '../../functions/src/cases/documents';
import { validUntil } from '../../functions/src/cases/outcomes';
import { filingRecord, type StoredFiling } from '../../functions/src/licences/agency-filings';
import { licenceIdOf, licenceNumber, stateRecord, versionRecord, type LicenceContent, type LicenceHistoryEntry, type LicenceState } from '../../functions/src/licences/issued-licences';
import { enterpriseHolder, legacyPersonHolder } from '../../functions/src/licences/keys';
import { guideIssuerRegion, type RegistrySeed, type SeedAgency, type SeedGuide, type SeedStatusChange } from './registry-data';

/**
 * The registry seed as the table holds it: real licence `STATE` rows with every signed version (signed
 * with the stage's licence key, so POST /licences/verify accepts them like any other), and the filing
 * rows of branches and outlets. Everything not in the file is derived from it and so the same on every
 * run: credit codes (valid check character, from the name), numbers (per issuer and year, in file order),
 * source case numbers and filing receipt numbers.
 */
export interface SeededLicence {
  state: LicenceState;
  versions: { payload: LicencePayload; token: string; at: string }[];
}

export interface SeededRegistry {
  licences: SeededLicence[];
  filings: StoredFiling[];
}

const PROVINCE = '340000';
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const AGENCY_SCOPE = ['国内旅游业务', '入境旅游业务'];
const OUTBOUND = '出境旅游业务';
const ACTION_OF: Record<SeedStatusChange['status'], LicenceHistoryEntry['action']> = { suspended: 'suspend', revoked: 'revoke', cancelled: 'cancel' };

const digest = (text: string) => createHash('sha256').update(text).digest();
/** A morning in China on that day, as the history records times. */
const morningOf = (day: string) => `${day}T01:30:00.000Z`;

/** 91 (enterprise) + the registration region + an organisation code from the name + the check character. */
export function seedCreditCode(name: string, region: string): string {
  const bytes = digest(`credit:${name}`);
  const first17 = `91${region}MA2${Array.from(bytes.subarray(0, 6), (b) => CREDIT_ALPHABET[b % CREDIT_ALPHABET.length]).join('')}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

/** A case number of the day the licence or filing was granted, at the organisation that granted it. */
const sourceCase = (day: string, region: string, what: string) => formatCaseNumber(day, region, digest(`case:${what}`));

/** How a guide's identity number shows on their licence: masked, as for every licence this system issues. */
const maskedIdentity = (region: string, name: string) => {
  const bytes = digest(`id:${name}`);
  return `${region === PROVINCE ? '3401' : region.slice(0, 4)}${'*'.repeat(10)}${Array.from(bytes.subarray(0, 4), (b) => b % 10).join('')}`;
};

export function seededRegistry(seed: RegistrySeed, context: { organisations: Organisation[]; signing: { keyId: string; privateKey: string } }): SeededRegistry {
  const organisationOf = (region: string) => {
    const found = context.organisations.find((o) => o.regionCode === region);
    if (!found) throw new Error(`No organisation for region ${region}`);
    return found;
  };
  const serials = new Map<string, number>();
  const next = (key: string) => {
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return n;
  };

  function sign(content: LicenceContent, licenceId: string, version: number) {
    const { typeCode, typeName } = LICENCE_KINDS[content.kind];
    const payload: LicencePayload = { format: 'AHL1', keyId: context.signing.keyId, licenceId, typeCode, typeName, version, ...content };
    return { payload, token: signLicence(payload, context.signing.privateKey), at: morningOf(content.issuedOn) };
  }

  /** A licence from its versions' contents, with a later suspension, revocation or cancellation if any. */
  function licence(input: { kind: LicenceKind; issuerRegion: string; registryRegion: string; holderKey: string; contents: LicenceContent[]; reasons: string[]; change?: SeedStatusChange }): SeededLicence {
    const [first] = input.contents;
    const licenceId = licenceIdOf(input.kind, first!.issuer.code, first!.number);
    const versions = input.contents.map((content, i) => sign(content, licenceId, i + 1));
    const history: LicenceHistoryEntry[] = versions.map(({ payload, at }, i) => ({ at, action: i === 0 ? 'issue' : 'change', version: i + 1, caseNumber: payload.caseNumber, ...(input.reasons[i] ? { reason: input.reasons[i] } : {}) }));
    let status: LicenceStatus = 'valid';
    if (input.change) {
      status = input.change.status;
      history.push({ at: morningOf(input.change.on), action: ACTION_OF[input.change.status], version: versions.length, reason: input.change.reason, legalBasis: input.change.legalBasis, effectiveOn: input.change.on });
    }
    const current = versions.at(-1)!;
    return {
      state: {
        licenceId,
        kind: input.kind,
        number: first!.number,
        holderKey: input.holderKey,
        regionCode: input.issuerRegion,
        ...(input.registryRegion !== input.issuerRegion ? { registryRegion: input.registryRegion } : {}),
        status,
        currentVersion: versions.length,
        current: current.payload,
        currentToken: current.token,
        history,
      },
      versions,
    };
  }

  function agencyLicence(region: string, agency: SeedAgency, creditCode: string): SeededLicence {
    const issuer = organisationOf(region);
    const number = licenceNumber('travel_agency', region, Number(agency.licensedOn.slice(0, 4)), next(`L-${region}-${agency.licensedOn.slice(0, 4)}`));
    const base = { kind: 'travel_agency' as const, number, holder: { kind: 'enterprise' as const, name: agency.name, code: creditCode }, details: { 经营场所: agency.address } };
    const contents: LicenceContent[] = [
      { ...base, issuer: { name: issuer.name, code: issuer.creditCode }, issuedOn: agency.licensedOn, validFrom: agency.licensedOn, scope: AGENCY_SCOPE, caseNumber: sourceCase(agency.licensedOn, region, number) },
    ];
    const reasons = [''];
    if (agency.outboundOn) {
      // 出境旅游业务 is licensed by the department, which re-issues the licence with the wider scope.
      const province = organisationOf(PROVINCE);
      const caseNumber = sourceCase(agency.outboundOn, PROVINCE, `${number}:outbound`);
      contents.push({ ...base, issuer: { name: province.name, code: province.creditCode }, issuedOn: agency.outboundOn, validFrom: agency.outboundOn, scope: [...AGENCY_SCOPE, OUTBOUND], caseNumber });
      reasons.push(`旅行社经营出境旅游业务许可（办件 ${caseNumber}）`);
    }
    return licence({ kind: 'travel_agency', issuerRegion: region, registryRegion: region, holderKey: enterpriseHolder(creditCode), contents, reasons, change: agency.statusChange });
  }

  function guideLicence(region: string, guide: SeedGuide): SeededLicence {
    const issuerRegion = guideIssuerRegion(region, guide);
    const issuer = organisationOf(issuerRegion);
    const number = licenceNumber('tour_guide', issuerRegion, Number(guide.issuedOn.slice(0, 4)), next(`D-${issuerRegion}-${guide.issuedOn.slice(0, 4)}`));
    const until = validUntil(guide.issuedOn, LICENCE_KINDS.tour_guide.validYears);
    const content: LicenceContent = {
      kind: 'tour_guide',
      number,
      holder: { kind: 'person', name: guide.name, code: maskedIdentity(region, guide.name) },
      issuer: { name: issuer.name, code: issuer.creditCode },
      issuedOn: guide.issuedOn,
      validFrom: guide.issuedOn,
      ...(until ? { validUntil: until } : {}),
      scope: ['导游服务'],
      details: { 导游语种: guide.language, 执业单位: guide.employer, 等级: guide.level },
      caseNumber: sourceCase(guide.issuedOn, issuerRegion, number),
    };
    return licence({ kind: 'tour_guide', issuerRegion, registryRegion: region, holderKey: legacyPersonHolder(number), contents: [content], reasons: [''], change: guide.statusChange });
  }

  const licences: SeededLicence[] = [];
  const filings: StoredFiling[] = [];
  for (const registry of seed.registries) {
    for (const agency of registry.agencies) {
      const creditCode = seedCreditCode(agency.name, registry.region);
      licences.push(agencyLicence(registry.region, agency, creditCode));
      const filed = [...(agency.branches ?? []).map((f) => ({ ...f, kind: 'branch' as const })), ...(agency.outlets ?? []).map((f) => ({ ...f, kind: 'outlet' as const }))];
      for (const filing of filed) {
        const region = filing.region ?? registry.region;
        const bureau = organisationOf(region);
        const year = Number(filing.filedOn.slice(0, 4));
        filings.push({
          kind: filing.kind,
          name: filing.name,
          address: filing.address,
          filedOn: filing.filedOn,
          filedWith: bureau.name,
          receiptNumber: documentNumber('filing_receipt', bureau.name, year, next(`filing-${region}-${year}`)),
          creditCode,
          agencyName: agency.name,
          caseNumber: sourceCase(filing.filedOn, region, filing.name),
          regionCode: region,
        });
      }
    }
    for (const guide of registry.guides) licences.push(guideLicence(registry.region, guide));
  }
  return { licences, filings };
}

/** The table rows: each licence's `STATE` and its signed versions, and the filings. */
export function registryRecords(registry: SeededRegistry): Record<string, unknown>[] {
  return [
    ...registry.licences.flatMap(({ state, versions }) => [stateRecord(state), ...versions.map((v) => versionRecord(v.payload, v.token, v.at))]),
    ...registry.filings.map(filingRecord),
  ];
}
