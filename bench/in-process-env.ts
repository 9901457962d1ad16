/*
 * Imported first by the benches that load functions into their own process: those functions log and count
 * as in the local stage (metrics off, the service named), which must be set before any of them loads.
 */
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_SERVICE_NAME ??= 'ah-tourism-local';
process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'ah-tourism';

export {};
