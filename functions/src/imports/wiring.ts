import { staffOnly } from '../cases/hall-intake';
import { currentGuide } from '../cases/wiring';
import { dataKeys } from '../platform/keys';
import type { ImportDeps } from './service';
import { staffImports, type StaffImports } from './staff-imports';

let deps: ImportDeps | undefined;
/** What an import needs, once per container: the catalog's guide cache and the data key the applicants are sealed with. */
export const importDeps = (): ImportDeps => (deps ??= { guide: currentGuide, keys: dataKeys() });

let imports: StaffImports | undefined;
/** The staff import service wired to DynamoDB, the catalog's guide cache and the data key. */
export const staffImportService = () => (imports ??= staffImports({ ...importDeps(), staffOf: staffOnly }));
