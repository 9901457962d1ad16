export * from './errors';
export * from './identity/credit-code';
export * from './identity/resident-id';
export * from './catalog/codes';
export * from './catalog/guide';
export * from './catalog/api';
