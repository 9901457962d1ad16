import type { ImportResult, ImportSummary, NationalImportRequest } from '@ah-tourism/shared';
import type { Caller } from '../auth/caller';
import type { StaffUser } from '../cases/staff-views';
import { AppError } from '../platform/errors';
import { importNationalRecords, importReport, listImports, type ImportDeps } from './service';

/**
 * The staff side of importing national records. Only the organisation's administrator (单位管理员) imports:
 * an import writes many cases at once in the organisation's name from another system's export, which is
 * data management for the whole organisation rather than handling one applicant (the hall window enters
 * single walk-in applications). Every staff member of the organisation sees the imported cases in its list.
 */
export function staffImports(deps: ImportDeps & { staffOf: (caller: Caller) => Promise<StaffUser> }) {
  async function administrator(caller: Caller): Promise<StaffUser> {
    const user = await deps.staffOf(caller);
    if (!user.staff.permissions.includes('org_admin')) throw new AppError('AUTH_FORBIDDEN', '只有单位管理员可以导入全国旅游监管服务平台的办件');
    return user;
  }
  return {
    async import(caller: Caller, request: NationalImportRequest): Promise<ImportResult> {
      const user = await administrator(caller);
      return importNationalRecords(deps, {
        organisationCode: user.staff.organisationCode,
        actor: { id: user.userId, name: user.displayName },
        format: request.format,
        content: request.content,
        ...(request.fileName ? { fileName: request.fileName } : {}),
      });
    },
    async list(caller: Caller): Promise<ImportSummary[]> {
      const user = await administrator(caller);
      return listImports(user.staff.organisationCode);
    },
    async report(caller: Caller, importId: string): Promise<ImportResult> {
      const user = await administrator(caller);
      return importReport(user.staff.organisationCode, importId);
    },
  };
}

export type StaffImports = ReturnType<typeof staffImports>;
