/**
 * Key layout of people, sessions and staff in the single table (see README, "Access patterns"):
 *   USER#<id> / PROFILE                  the account (WeChat openid, staff binding snapshot)     GetItem
 *   OPENID#<openid> / USER               openid → account, unique                                GetItem
 *   PORTAL#<sub> / USER                  portal (unified identity) subject → account, unique     GetItem
 *   SESSION#<id> / SESSION               refresh-token family (hash of the current token), TTL   GetItem
 *   ORG#<credit code> / STAFF#<staffId>  staff of an organisation (invited/active/revoked)       Query
 *   INVITE#<sha256(code)> / INVITE       single-use invitation code, TTL                         GetItem
 */
export const profileKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });
export const openidKey = (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' });
export const portalKey = (sub: string) => ({ pk: `PORTAL#${sub}`, sk: 'USER' });
export const sessionKey = (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'SESSION' });
export const staffKey = (organisationCode: string, staffId: string) => ({ pk: `ORG#${organisationCode}`, sk: `STAFF#${staffId}` });
export const organisationPartition = (organisationCode: string) => `ORG#${organisationCode}`;
export const organisationKey = (organisationCode: string) => ({ pk: `ORG#${organisationCode}`, sk: 'PROFILE' });
export const inviteKey = (codeHash: string) => ({ pk: `INVITE#${codeHash}`, sk: 'INVITE' });
export const STAFF_PREFIX = 'STAFF#';
