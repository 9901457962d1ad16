import { authStore } from '../auth/store';
import { catalog, catalogStore } from '../catalog/wiring';
import { workingCalendarNow } from '../platform/calendar';
import { assessmentAggregator, type AssessmentAggregator } from './aggregator';
import { assessmentService, type AssessmentService } from './service';

/* The assessment services wired to DynamoDB, each created on first use and kept for the container's life. */
let aggregator: AssessmentAggregator | undefined;
let service: AssessmentService | undefined;

export const PROVINCE_NAME_FALLBACK = '安徽省';

async function names() {
  const regions = await catalog().listRegions();
  return {
    cities: new Map(regions.filter((region) => region.level === 'city').map((region) => [region.code, region.name])),
    province: regions.find((region) => region.level === 'province')?.name ?? PROVINCE_NAME_FALLBACK,
  };
}

export const assessmentAggregation = () => (aggregator ??= assessmentAggregator({ calendar: workingCalendarNow, names }));
export const assessment = () => (service ??= assessmentService({ people: authStore(), regions: () => catalog().listRegions(), calendar: workingCalendarNow, catalog: catalogStore() }));
