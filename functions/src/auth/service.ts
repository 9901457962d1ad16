import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { applyPreferencesUpdate, withDefaults, type Organisation, type Preferences, type PreferencesUpdate, type Session, type SessionUser, type StaffMembership } from '@ah-tourism/shared';
import { config } from '../platform/config';
import { AppError } from '../platform/errors';
import { logger } from '../platform/logger';
import { WechatApiError, code2Session } from '../platform/wechat';
import { authStore, type AuthStore, type SessionRecord, type StaffRecord, type UserRecord } from './store';
import { issueAccessToken, type Caller } from './tokens';

export const REFRESH_TOKEN_TTL_DAYS = 30;
/** Saves of one account's preferences that meet a concurrent save are retried this often in all. */
const PREFERENCE_SAVE_ATTEMPTS = 5;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const newId = (prefix: string) => `${prefix}${randomBytes(10).toString('hex')}`;

export function sessionUser(user: UserRecord): SessionUser {
  return {
    userId: user.userId,
    displayName: user.displayName,
    provincialAdmin: user.provincialAdmin === true,
    ...(user.staff ? { staff: user.staff } : {}),
    wechatLinked: !!user.openid,
    ...(user.portal ? { verifiedIdentity: { source: 'portal' as const, name: user.portal.nameMasked, idNumber: user.portal.idNumberMasked, verifiedAt: user.portal.linkedAt } } : {}),
    preferences: withDefaults(user.preferences),
  };
}

export function membershipOf(staff: StaffRecord, organisation: Organisation): StaffMembership {
  return {
    staffId: staff.staffId,
    organisationCode: organisation.creditCode,
    organisationName: organisation.name,
    regionCode: organisation.regionCode,
    level: organisation.level,
    permissions: staff.permissions,
  };
}

/** Refresh tokens are `<session id>.<secret>`; only the secret's hash is stored. */
function splitRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const match = /^(s_[0-9a-f]{20})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { sessionId: match[1]!, secret: match[2]! } : undefined;
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function authService(store: AuthStore = authStore()) {
  async function startSession(user: UserRecord, dev: boolean): Promise<Session> {
    const sessionId = newId('s_');
    const secret = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = Math.floor(now / 1000) + REFRESH_TOKEN_TTL_DAYS * 86400;
    const record: SessionRecord = { sessionId, userId: user.userId, secretHash: sha256(secret), createdAt: new Date(now).toISOString(), expiresAt, ...(dev ? { dev } : {}) };
    await store.putSession(record);
    return sessionFor(user, record, secret);
  }

  async function sessionFor(user: UserRecord, session: SessionRecord, secret: string): Promise<Session> {
    const current = sessionUser(user);
    const access = await issueAccessToken(current, session.sessionId, { dev: session.dev === true });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: `${session.sessionId}.${secret}`,
      refreshTokenExpiresAt: new Date(session.expiresAt * 1000).toISOString(),
      user: current,
    };
  }

  return {
    /** wx.login code → our own session; the account is created on first sign-in. */
    async signInWithWechat(code: string): Promise<Session> {
      let openid: string;
      try {
        ({ openid } = await code2Session(code));
      } catch (error) {
        if (error instanceof WechatApiError) {
          // 40029 invalid, 40163 used, 40226 blocked user: the phone must get a fresh code.
          logger.warn('jscode2session refused', { errcode: error.errcode });
          if ([40029, 40163, 40226, 41008].includes(error.errcode)) throw new AppError('AUTH_WECHAT_CODE_INVALID');
        } else {
          logger.warn('jscode2session unavailable', { reason: (error as Error).message });
        }
        throw new AppError('AUTH_WECHAT_UNAVAILABLE');
      }
      let user = await store.userByOpenid(openid);
      if (!user) {
        const candidate: UserRecord = { userId: newId('u_'), displayName: '微信用户', openid, createdAt: new Date().toISOString() };
        // Two first sign-ins at once: one account wins, the other reads it.
        user = (await store.createUser(candidate)) ? candidate : await store.userByOpenid(openid);
        if (!user) throw new Error('account vanished after a concurrent sign-in');
      }
      return startSession(user, false);
    },

    /**
     * A new session for a refresh token, which is then spent. Presenting a spent token again means
     * it leaked: the whole session is ended. Roles are read afresh, so a revoked staff binding is
     * gone from the next access token.
     */
    async refresh(refreshToken: string): Promise<Session> {
      const parts = splitRefreshToken(refreshToken);
      if (!parts) throw new AppError('AUTH_REFRESH_INVALID');
      const session = await store.session(parts.sessionId);
      const presented = sha256(parts.secret);
      if (!session || !session.secretHash || session.expiresAt * 1000 < Date.now()) throw new AppError('AUTH_REFRESH_INVALID');
      if (session.previousHash && sameHash(session.previousHash, presented)) {
        logger.warn('refresh token reused; session ended', { sessionId: session.sessionId });
        await store.deleteSession(session.sessionId);
        throw new AppError('AUTH_REFRESH_INVALID');
      }
      if (!sameHash(session.secretHash, presented)) throw new AppError('AUTH_REFRESH_INVALID');
      const user = await store.user(session.userId);
      if (!user) throw new AppError('AUTH_REFRESH_INVALID');
      const secret = randomBytes(32).toString('base64url');
      const expiresAt = Math.floor(Date.now() / 1000) + REFRESH_TOKEN_TTL_DAYS * 86400;
      if (!(await store.rotateSession(session.sessionId, session.secretHash, sha256(secret), expiresAt))) throw new AppError('AUTH_REFRESH_INVALID');
      return sessionFor(user, { ...session, expiresAt }, secret);
    },

    async signOut(refreshToken: string): Promise<void> {
      const parts = splitRefreshToken(refreshToken);
      if (!parts) return;
      const session = await store.session(parts.sessionId);
      if (session?.secretHash && sameHash(session.secretHash, sha256(parts.secret))) await store.deleteSession(session.sessionId);
    },

    async me(caller: Caller): Promise<SessionUser> {
      const user = await store.user(caller.userId);
      if (!user) throw new AppError('AUTH_TOKEN_INVALID');
      return sessionUser(user);
    },

    /**
     * Changes the caller's own preferences (only those named in the update). A save that meets another
     * save of the same account reads the account again and reapplies the update, so neither is lost.
     */
    async updatePreferences(caller: Caller, update: PreferencesUpdate): Promise<Preferences> {
      for (let attempt = 0; attempt < PREFERENCE_SAVE_ATTEMPTS; attempt++) {
        const user = await store.user(caller.userId);
        if (!user) throw new AppError('AUTH_TOKEN_INVALID');
        const next = applyPreferencesUpdate(withDefaults(user.preferences), update);
        if (await store.savePreferences(user.userId, next, user.preferencesVersion ?? 0)) return next;
      }
      logger.warn('preferences not saved: too many concurrent saves');
      throw new AppError('AUTH_PREFERENCES_BUSY');
    },

    /** The session of an account just signed in: staff binding, and the local stage's personas (dev-sign-in.ts). */
    startSession,
  };
}

export type AuthService = ReturnType<typeof authService>;
