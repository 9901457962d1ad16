import { IdentityServiceStandIn } from './identity-standin';
import { PortalReportStandIn } from './portal-report-standin';
import type { ProvincialService } from './provincial-service';

/**
 * The provincial services' local stand-ins served beside the WeChat stand-in (besides the e-licence
 * service, which has its own option), built from the local stage's environment.
 */
export function provincialStandIns(environment: Record<string, string>): ProvincialService[] {
  return [
    // The unified identity service (single sign-on from the portal): scripts/local/identity-standin.ts.
    new IdentityServiceStandIn({ issuer: environment.PORTAL_ISSUER!, clientId: environment.PORTAL_CLIENT_ID!, clientSecret: environment.LOCAL_PORTAL_CLIENT_SECRET! }),
    // The provincial platform's receiving API for reports upward: scripts/local/portal-report-standin.ts.
    new PortalReportStandIn({ appId: environment.PORTAL_REPORT_APP_ID ?? '', secret: environment.LOCAL_PORTAL_REPORT_SECRET ?? '' }),
  ];
}
