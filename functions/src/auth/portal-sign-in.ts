import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { maskIdentityNumber, type Session, type SessionUser } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { seal, unseal } from '../platform/crypto';
import { AppError } from '../platform/errors';
import { dataKeys } from '../platform/keys';
import { logger } from '../platform/logger';
import { maskPersonName } from '../platform/masking';
import { parameter } from '../platform/parameters';
import { WechatApiError, code2Session } from '../platform/wechat';
import { PortalRefusedError, PortalUnavailableError, portalIdentityService, type PortalExchange, type PortalIdentity, type PortalIdentityService } from './portal-identity';
import { sessionUser, type AuthService } from './service';
import type { AuthStore, PortalLink, UserRecord } from './store';
import type { Caller } from './tokens';

/**
 * Single sign-on from the provincial portal, and linking the two ways of signing in (WeChat, portal)
 * to one account. The verified name and ID number are sealed on the account; beside them only masks
 * and a keyed hash of the ID number (HMAC with the SSM key `identity-hash-key`), which finds the cases
 * filed for this person without any ID number in plain text. Nothing personal is logged.
 */
const newUserId = () => `u_${randomBytes(10).toString('hex')}`;

let hashKey: Promise<Buffer> | undefined;

/** The key of the ID-number hash: SSM in AWS; locally derived from the local data key. */
function identityHashKey(): Promise<Buffer> {
  const { localDataKey, stage } = config();
  const local = stage === 'local' && localDataKey ? Buffer.from(hkdfSync('sha256', Buffer.from(localDataKey, 'base64'), Buffer.alloc(0), 'ah-tourism/identity-hash/v1', 32)).toString('base64') : undefined;
  hashKey ??= parameter('identity-hash-key', local).then((text) => Buffer.from(text, 'base64'));
  hashKey.catch(() => (hashKey = undefined));
  return hashKey;
}

/** The keyed hash of a resident ID number (upper-case X), as stored for lookups. */
export async function idNumberHash(idNumber: string): Promise<string> {
  return createHmac('sha256', await identityHashKey()).update(idNumber.trim().toUpperCase()).digest('base64url');
}

let identityService: PortalIdentityService | undefined;

function configuredPortal(): PortalIdentityService {
  const { portal } = config();
  if (!portal.issuer || !portal.clientId) throw new AppError('AUTH_PORTAL_UNAVAILABLE');
  identityService ??= portalIdentityService({ issuer: portal.issuer, clientId: portal.clientId, clientSecret: () => parameter('portal-client-secret', portal.localClientSecret) });
  return identityService;
}

export function portalSignIn(auth: AuthService, store: AuthStore, portal: () => PortalIdentityService = configuredPortal) {
  async function verifiedPerson(request: PortalExchange): Promise<PortalIdentity> {
    try {
      return await portal().exchange(request);
    } catch (error) {
      if (error instanceof PortalRefusedError) {
        logger.warn('portal code refused', { reason: error.message });
        throw new AppError('AUTH_PORTAL_CODE_INVALID');
      }
      if (error instanceof PortalUnavailableError) {
        logger.error('portal identity service unavailable', { reason: error.message });
        throw new AppError('AUTH_PORTAL_UNAVAILABLE');
      }
      throw error;
    }
  }

  async function linkOf(person: PortalIdentity): Promise<PortalLink> {
    return {
      sub: person.sub,
      linkedAt: new Date().toISOString(),
      nameMasked: maskPersonName(person.name),
      idNumberMasked: maskIdentityNumber(person.idNumber),
      idNumberHash: await idNumberHash(person.idNumber),
      sealed: await seal(dataKeys(), { name: person.name, idNumber: person.idNumber, certType: person.certType, ...(person.mobile ? { mobile: person.mobile } : {}) }),
    };
  }

  return {
    /** A portal code → our session; the account is found by the portal subject, or made on first arrival. */
    async signIn(request: PortalExchange): Promise<Session> {
      const person = await verifiedPerson(request);
      let user = await store.userByPortalSub(person.sub);
      if (!user) {
        const candidate: UserRecord = { userId: newUserId(), displayName: '政务服务网用户', createdAt: new Date().toISOString(), portal: await linkOf(person) };
        // Two first arrivals of one person at once: one account wins, the other signs in to it.
        user = (await store.createUser(candidate)) ? candidate : await store.userByPortalSub(person.sub);
        if (!user) throw new Error('account vanished after a concurrent portal sign-in');
        logger.info('portal account created', { userId: user.userId });
      }
      return auth.startSession(user, false);
    },

    /** Links the verified portal person to the signed-in account (a WeChat account, typically). */
    async linkPortal(caller: Caller, request: PortalExchange): Promise<SessionUser> {
      const person = await verifiedPerson(request);
      const owner = await store.userByPortalSub(person.sub);
      if (owner && owner.userId !== caller.userId) throw new AppError('AUTH_PORTAL_IDENTITY_LINKED');
      const user = await store.user(caller.userId);
      if (!user) throw new AppError('AUTH_TOKEN_INVALID');
      if (owner) return sessionUser(user); // Linked already (a repeated submit).
      if (user.portal) throw new AppError('AUTH_ACCOUNT_VERIFIED_OTHER');
      const link = await linkOf(person);
      const outcome = await store.addLink(user.userId, { kind: 'portal', portal: link });
      if (outcome === 'taken') {
        if ((await store.userByPortalSub(person.sub))?.userId === user.userId) return sessionUser((await store.user(user.userId)) ?? user);
        throw new AppError('AUTH_PORTAL_IDENTITY_LINKED');
      }
      if (outcome === 'occupied') throw new AppError('AUTH_ACCOUNT_VERIFIED_OTHER');
      logger.info('portal identity linked', { userId: user.userId });
      return sessionUser({ ...user, portal: link });
    },

    /**
     * The caller's own verified identity in full (name, ID number, mobile), to fill in their application
     * for themselves; null when no portal identity is linked. Only ever for the account it is sealed on.
     */
    async verifiedIdentity(caller: Caller): Promise<{ name: string; idNumber: string; mobile?: string } | null> {
      const user = await store.user(caller.userId);
      if (!user) throw new AppError('AUTH_TOKEN_INVALID');
      if (!user.portal) return null;
      const { name, idNumber, mobile } = await unseal<{ name: string; idNumber: string; mobile?: string }>(dataKeys(), user.portal.sealed);
      return { name, idNumber, ...(mobile ? { mobile } : {}) };
    },

    /** Links the WeChat account of a wx.login code to the signed-in account (one made by portal sign-in). */
    async linkWechat(caller: Caller, code: string): Promise<SessionUser> {
      let openid: string;
      try {
        ({ openid } = await code2Session(code));
      } catch (error) {
        if (error instanceof WechatApiError && [40029, 40163, 40226, 41008].includes(error.errcode)) throw new AppError('AUTH_WECHAT_CODE_INVALID');
        logger.warn('jscode2session unavailable for linking', { reason: (error as Error).message });
        throw new AppError('AUTH_WECHAT_UNAVAILABLE');
      }
      const owner = await store.userByOpenid(openid);
      if (owner && owner.userId !== caller.userId) throw new AppError('AUTH_WECHAT_LINKED');
      const user = await store.user(caller.userId);
      if (!user) throw new AppError('AUTH_TOKEN_INVALID');
      if (owner) return sessionUser(user);
      if (user.openid) throw new AppError('AUTH_ACCOUNT_WECHAT_OTHER');
      const outcome = await store.addLink(user.userId, { kind: 'openid', openid });
      if (outcome === 'taken') {
        if ((await store.userByOpenid(openid))?.userId === user.userId) return sessionUser((await store.user(user.userId)) ?? user);
        throw new AppError('AUTH_WECHAT_LINKED');
      }
      if (outcome === 'occupied') throw new AppError('AUTH_ACCOUNT_WECHAT_OTHER');
      logger.info('wechat linked', { userId: user.userId });
      return sessionUser({ ...user, openid });
    },
  };
}
