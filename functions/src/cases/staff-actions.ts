import { CASE_TRANSITIONS, SPECIAL_PROCEDURES, type StaffActionRequest, type StaffCaseDetail, type TransitionDefinition } from '@ah-tourism/shared';
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
      if (definition.actor !== 'staff' || readOnly || !definition.permission || !user.staff.permissions.includes(definition.permission)) {
        throw new AppError('AUTH_FORBIDDEN', `您没有“${definition.label}”的权限`);
      }
      if (request.action === 'start_special_procedure' && request.procedure) request = { ...request, opinion: request.opinion ?? SPECIAL_PROCEDURES[request.procedure] };
      const after = await lifecycle.transition(stored, request.action, { kind: 'staff', userId: user.userId, name: user.displayName, role: definition.permission }, request);
      return views.staffDetail(user, after, false);
    },
  };
}
