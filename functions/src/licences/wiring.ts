import { authStore } from '../auth/store';
import { catalog } from '../catalog/wiring';
import { licenceAdministration } from './licence-admin';
import { publicRegistry } from './registry';

let admin: ReturnType<typeof licenceAdministration> | undefined;
export const licenceAdmin = () => (admin ??= licenceAdministration({ people: authStore() }));

let registries: ReturnType<typeof publicRegistry> | undefined;
/** The public registries; the regions come from the catalog's per-container cache. */
export const registry = () => (registries ??= publicRegistry({ regions: () => catalog().listRegions() }));
