/**
 * The unit project's environment (jest.config.js): functions' metrics stay off as in the local stage, so
 * the output holds no EMF lines (platform/invocation.test.ts turns them on for itself).
 */
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'ah-tourism';
process.env.POWERTOOLS_SERVICE_NAME ??= 'ah-tourism-test';
