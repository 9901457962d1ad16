import { authStore } from '../auth/store';
import { licenceAdministration } from './licence-admin';

let admin: ReturnType<typeof licenceAdministration> | undefined;
export const licenceAdmin = () => (admin ??= licenceAdministration({ people: authStore() }));
