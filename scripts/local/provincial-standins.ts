import { IdentityServiceStandIn } from './identity-standin';
import type { ProvincialService } from './provincial-service';

/**
 * The provincial services' local stand-ins served beside the WeChat stand-in (besides the e-licence
 * service, which has its own option), built from the local stage's environment.
 */
export function provincialStandIns(environment: Record<string, string>): ProvincialService[] {
  return [
    // The unified identity service (single sign-on from the portal): scripts/local/identity-standin.ts.
    new IdentityServiceStandIn({ issuer: environment.PORTAL_ISSUER!, clientId: environment.PORTAL_CLIENT_ID!, clientSecret: environment.LOCAL_PORTAL_CLIENT_SECRET! }),
  ];
}
