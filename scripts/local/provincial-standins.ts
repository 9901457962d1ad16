import { PortalReportStandIn } from './portal-report-standin';
import type { ProvincialService } from './provincial-service';

/**
 * The provincial services' local stand-ins served beside the WeChat stand-in (besides the e-licence
 * service, which has its own option), built from the local stage's environment.
 */
export function provincialStandIns(environment: Record<string, string>): ProvincialService[] {
  return [new PortalReportStandIn({ appId: environment.PORTAL_REPORT_APP_ID ?? '', secret: environment.LOCAL_PORTAL_REPORT_SECRET ?? '' })];
}
