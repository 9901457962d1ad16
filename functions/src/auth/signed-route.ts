import type { OpenApiScope } from '@ah-tourism/shared/src/auth/open-api';
import { config } from '../platform/config';
import { dynamo } from '../platform/dynamodb';
import { AppError } from '../platform/errors';
import { httpHandler, type HttpEvent, type HttpResponse } from '../platform/http';
import { logger } from '../platform/logger';
import { parameter } from '../platform/parameters';
import { claimNonce, readAppKey } from './app-keys';
import { SignatureRefused, verifySignedRequest, type SignatureDeps, type SignedCaller } from './request-signature';

export type { SignedCaller } from './request-signature';

/** The SSM SecureString (under the stage's prefix) every app secret is derived from. */
export const OPEN_API_MASTER_SECRET_PARAMETER = 'open-api-master-secret';

/** Keys and nonces in the table, the master secret from SSM (the local stage: stages/local.yml). No key is cached. */
export function tableSignatureDeps(): SignatureDeps {
  const { tableName } = config();
  return {
    readKey: (keyId) => readAppKey(dynamo(), tableName, keyId),
    masterSecret: () => parameter(OPEN_API_MASTER_SECRET_PARAMETER, config().openApi.localMasterSecret),
    claimNonce: (keyId, nonce, nowSeconds) => claimNonce(dynamo(), tableName, keyId, nonce, nowSeconds),
  };
}

/**
 * A route of the signed open API: the request must be signed by an active app key holding `scope`
 * (request-signature.ts) before `route` runs. Every use is logged once, allowed or refused: key id,
 * consumer, route, status, error code, duration. Never the body, the query or a case number.
 */
export function signedRoute(scope: OpenApiScope, route: (event: HttpEvent, caller: SignedCaller) => Promise<HttpResponse>, deps: () => SignatureDeps = tableSignatureDeps) {
  return httpHandler(async (event) => {
    const started = Date.now();
    const use = (status: number, who: { keyId?: string; consumer?: string }, code?: string) =>
      logger.info('open api call', { keyId: who.keyId, consumer: who.consumer, scope, route: event.routeKey, status, ...(code ? { code } : {}), durationMs: Date.now() - started });
    let caller: SignedCaller | undefined;
    try {
      caller = await verifySignedRequest(event, scope, deps());
      const response = await route(event, caller);
      use(response.statusCode ?? 200, caller);
      return response;
    } catch (error) {
      const who = caller ?? (error instanceof SignatureRefused ? { keyId: error.keyId, consumer: error.consumer } : {});
      if (error instanceof AppError) use(error.status, who, error.code);
      else use(500, who, 'COMMON_INTERNAL');
      throw error;
    }
  });
}
