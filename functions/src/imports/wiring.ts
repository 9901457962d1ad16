import { staffOnly } from '../cases/hall-intake';
import { currentGuide } from '../cases/wiring';
import { dataKeys } from '../platform/keys';
import { staffImports, type StaffImports } from './staff-imports';

let imports: StaffImports | undefined;
/** The staff import service wired to DynamoDB, the catalog's guide cache and the data key. */
export const staffImportService = () => (imports ??= staffImports({ guide: currentGuide, keys: dataKeys(), staffOf: staffOnly }));
