import * as z from 'zod';
import { levelSchema } from '../catalog/codes';
import { typedText } from '../text/free-text';
import { preferencesSchema } from './preferences';
import { STAFF_PERMISSION_KEYS } from './roles';

const permissionSchema = z.enum(STAFF_PERMISSION_KEYS).meta({ description: '工作人员权限' });

export const staffMembershipSchema = z
  .object({
    staffId: z.string(),
    organisationCode: z.string().meta({ description: '单位统一社会信用代码' }),
    organisationName: z.string(),
    regionCode: z.string(),
    level: levelSchema,
    permissions: z.array(permissionSchema),
  })
  .meta({ id: 'StaffMembership' });

export const sessionUserSchema = z
  .object({
    userId: z.string(),
    displayName: z.string().meta({ description: '显示名称（工作人员为姓名，群众为“微信用户”或开发身份名称）' }),
    staff: staffMembershipSchema.optional(),
    provincialAdmin: z.boolean(),
    wechatLinked: z.boolean().optional().meta({ description: '已关联微信' }),
    verifiedIdentity: z
      .object({
        source: z.literal('portal').meta({ description: '来源：政务服务网' }),
        name: z.string().meta({ description: '姓名（脱敏）' }),
        idNumber: z.string().meta({ description: '身份证号码（脱敏）' }),
        verifiedAt: z.string(),
      })
      .optional()
      .meta({ id: 'VerifiedIdentity', description: '政务服务网实名身份（脱敏）' }),
    preferences: preferencesSchema.meta({ description: '本人的显示偏好（长辈版、界面语言），换设备登录后照样生效' }),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z
  .object({
    accessToken: z.string().meta({ description: '访问令牌，放在 Authorization: Bearer 中' }),
    accessTokenExpiresAt: z.string().meta({ description: '访问令牌过期时间（ISO 8601）' }),
    refreshToken: z.string().meta({ description: '刷新令牌，仅用于 /auth/refresh，每次刷新后更换' }),
    refreshTokenExpiresAt: z.string(),
    user: sessionUserSchema,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const wechatLoginRequestSchema = z
  .object({ code: z.string().trim().min(1, '缺少微信登录凭证，请重新进入小程序').max(128) })
  .meta({ id: 'WechatLoginRequest' });

/** Single sign-on: a code from the unified identity service (portal deep link, or our own authorisation request). */
export const portalExchangeRequestSchema = z
  .object({
    code: z.string().trim().min(1, '缺少政务服务网登录凭证，请返回安徽政务服务网重新进入').max(512),
    state: z.string().trim().min(16).max(256).optional().meta({ description: '本应用发起登录时生成的 state（门户直接带入的凭证没有）' }),
    codeVerifier: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'PKCE code_verifier 格式不正确')
      .optional()
      .meta({ description: 'PKCE code_verifier（本应用发起登录时）' }),
    redirectUri: z.string().trim().url('回调地址格式不正确').max(512).meta({ description: '取得该凭证时使用的回调地址（H5 为页面地址，小程序为登记的回调地址）' }),
  })
  .meta({ id: 'PortalExchangeRequest' });
export type PortalExchangeRequest = z.infer<typeof portalExchangeRequestSchema>;

/** The signed-in person's own verified identity in full, for filling in an application for themselves. */
export const verifiedIdentityDetailSchema = z
  .object({
    verified: z.boolean().meta({ description: '是否已关联政务服务网实名身份' }),
    name: z.string().optional().meta({ description: '姓名' }),
    idNumber: z.string().optional().meta({ description: '身份证号码' }),
    mobile: z.string().optional().meta({ description: '手机号码' }),
  })
  .meta({ id: 'VerifiedIdentityDetail' });
export type VerifiedIdentityDetail = z.infer<typeof verifiedIdentityDetailSchema>;

export const refreshRequestSchema = z
  .object({ refreshToken: z.string().min(1, '缺少刷新令牌，请重新登录').max(512) })
  .meta({ id: 'RefreshRequest' });

/** Organisation admins invite staff; the code is shown once and works once. */
export const createInvitationRequestSchema = z
  .object({
    name: typedText('工作人员姓名').min(2, '请填写工作人员姓名').max(20, '姓名不超过 20 个字'),
    permissions: z.array(permissionSchema).min(1, '请至少选择一项权限'),
  })
  .meta({ id: 'CreateInvitationRequest' });

export const invitationSchema = z
  .object({
    staffId: z.string(),
    code: z.string().meta({ description: '邀请码（一次有效；只返回给生成它的请求及该请求的重试）' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });

export const staffStatusSchema = z.enum(['invited', 'active', 'revoked']);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

export const staffMemberSchema = z
  .object({
    staffId: z.string(),
    name: z.string(),
    permissions: z.array(permissionSchema),
    status: staffStatusSchema,
    invitedAt: z.string(),
    invitationExpiresAt: z.string().optional(),
    boundAt: z.string().optional(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof staffMemberSchema>;
export const staffListSchema = z.object({ items: z.array(staffMemberSchema) }).meta({ id: 'StaffList' });

export const organisationPathSchema = z.object({ organisationCode: z.string().meta({ description: '单位统一社会信用代码' }) });
export const staffPathSchema = organisationPathSchema.extend({ staffId: z.string() });

export const bindStaffRequestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .transform((value) => value.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^[0-9A-Z]{8}$/, '邀请码为 8 位字母或数字，请核对后重新输入')),
  })
  .meta({ id: 'BindStaffRequest' });
