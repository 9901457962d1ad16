import { STAFF_PERMISSIONS, type StaffPermission } from '@ah-tourism/shared';
import type { DevPersona } from '@ah-tourism/shared/src/auth/dev-api';

/**
 * Developer personas for the local stage, where WeChat login cannot happen (H5 in a browser). Each
 * is a fixed account with a recognisable openid, so the pushes the WeChat stand-in records show who
 * would have received them. The routes that issue them exist in the local stage only (stages/local.yml),
 * and their tokens carry a marker every other stage refuses.
 */
export const PERSONA_ORGANISATIONS = {
  city: { organisationCode: '113410000039113649', label: '黄山市文化和旅游局' },
  province: { organisationCode: '11340000003325011J', label: '安徽省文化和旅游厅' },
} as const;

export interface PersonaDefinition extends DevPersona {
  displayName: string;
  staff?: { organisationCode: string; permissions: StaffPermission[] };
  provincialAdmin?: boolean;
}

const STAFF_NAMES: Record<StaffPermission, string> = {
  pre_review: '王预审',
  review: '赵审查',
  decide: '钱决定',
  deliver: '孙送达',
  hall_window: '周窗口',
  hotline_12301: '吴话务',
  org_admin: '郑管理',
  list_editor: '冯编制',
  list_review: '陈审核',
};

function staffPersonas(group: 'city' | 'province'): PersonaDefinition[] {
  const { organisationCode, label } = PERSONA_ORGANISATIONS[group];
  return (Object.keys(STAFF_PERMISSIONS) as StaffPermission[]).map((permission) => ({
    personaId: `${group}-${permission}`,
    group,
    label: `${STAFF_NAMES[permission]}（${STAFF_PERMISSIONS[permission]}）`,
    description: `${label} · ${STAFF_PERMISSIONS[permission]}`,
    displayName: STAFF_NAMES[permission],
    staff: { organisationCode, permissions: [permission] },
  }));
}

export const PERSONAS: PersonaDefinition[] = [
  { personaId: 'citizen', group: 'applicant', label: '张三（个人）', description: '以个人身份办事的群众', displayName: '张三' },
  { personaId: 'enterprise', group: 'applicant', label: '李四（企业经办人）', description: '代表旅行社办事的企业经办人', displayName: '李四' },
  { personaId: 'walk-in', group: 'applicant', label: '王五（到大厅办事的经办人）', description: '在服务大厅窗口办事，再在手机上认领办件的旅行社经办人', displayName: '王五' },
  ...staffPersonas('city'),
  ...staffPersonas('province'),
  {
    personaId: 'province-admin',
    group: 'province',
    label: '省级管理员',
    description: '管理全省各单位工作人员',
    displayName: '省级管理员',
    provincialAdmin: true,
  },
];

export const personaUserId = (personaId: string) => `dev-${personaId}`;
export const personaOpenid = (personaId: string) => `dev-openid-${personaId}`;
