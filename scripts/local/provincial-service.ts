/**
 * What a local stand-in of a provincial service (e-licence service, government-service portal, unified
 * identity service …) offers the stand-in server (wechat-standin.ts), which serves them all on one port:
 * each answers the requests under its own path prefixes and returns undefined for any other.
 */

/** A request as the server read it (the body whole, at most the server's limit). */
export interface ServiceRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A JSON answer (with extra headers, e.g. a redirect's Location), or 'hold': never answer (an injected timeout). */
export type ServiceReply = { status: number; body: object; headers?: Record<string, string> } | 'hold';

export interface ProvincialService {
  /** The reply to a request under this service's prefixes, or undefined when the path is not its own. */
  handle(request: ServiceRequest): ServiceReply | undefined | Promise<ServiceReply | undefined>;
}
