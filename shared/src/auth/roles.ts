import type { Level } from '../catalog/codes';

/**
 * Who may do what. Every signed-in user can apply (as a person or for an enterprise); staff are bound
 * to one organisation (the department or a city bureau) with a set of permissions; provincial
 * administrators manage the staff of every organisation.
 */
export const STAFF_PERMISSIONS = {
  pre_review: '网上预审',
  review: '审查',
  decide: '审批决定',
  deliver: '送达',
  hall_window: '大厅窗口',
  hotline_12301: '12301 话务',
  org_admin: '单位管理员',
  list_editor: '清单编制',
  list_review: '清单审核',
} as const;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;
export const STAFF_PERMISSION_KEYS = Object.keys(STAFF_PERMISSIONS) as [StaffPermission, ...StaffPermission[]];

export function permissionLabel(permission: StaffPermission): string {
  return STAFF_PERMISSIONS[permission];
}

/** A staff member's binding to an organisation, as the session knows it. */
export interface StaffMembership {
  staffId: string;
  organisationCode: string;
  organisationName: string;
  regionCode: string;
  level: Level;
  permissions: StaffPermission[];
}

export function hasPermission(staff: StaffMembership | undefined, permission: StaffPermission): boolean {
  return !!staff && staff.permissions.includes(permission);
}
