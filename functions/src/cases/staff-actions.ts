import { CASE_TRANSITIONS, SPECIAL_PROCEDURES, permits, type StaffActionRequest, type StaffCaseDetail, type TransitionDefinition } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import { AppError } from '../platform/errors';
import type { CaseLifecycle } from './lifecycle';
import type { StaffCaseViews } from './staff-views';

/** A staff action: only the legal ones, by the right permission of the case's own organisation. */
export function staffCaseActions(views: StaffCaseViews, lifecycle: CaseLifecycle) {
  return {
    async act(caller: Caller, caseNumber: string, request: StaffActionRequest): Promise<StaffCaseDetail> {
      const user = await views.staffOf(caller);
      const { stored, readOnly } = await views.visibleCase(user, caseNumber);
      const definition: TransitionDefinition = CASE_TRANSITIONS[request.action];
      if (readOnly || !permits(definition, user.staff.permissions)) {
        throw new AppError('AUTH_FORBIDDEN', `您没有“${definition.label}”的权限`);
      }
      if (request.action === 'start_special_procedure' && request.procedure) request = { ...request, opinion: request.opinion ?? SPECIAL_PROCEDURES[request.procedure] };
      // The audit entry names the permission the step was taken with.
      const role = [definition.permission, ...(definition.alsoPermitted ?? [])].find((p) => !!p && user.staff.permissions.includes(p))!;
      const after = await lifecycle.transition(stored, request.action, { kind: 'staff', userId: user.userId, name: user.displayName, role }, request);
      return views.staffDetail(user, after, false);
    },
  };
}
