import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANGUAGE, type Language } from '@ah-tourism/shared/src/i18n/language';

/**
 * The language the running request asked for (Accept-Language), per request: a process that runs
 * handlers itself (serverless offline, a benchmark) may serve several requests at once.
 */
const languages = new AsyncLocalStorage<Language>();

export function withLanguage<T>(language: Language, run: () => T): T {
  return languages.run(language, run);
}

/** The running request's language; Chinese outside a request. */
export function requestLanguage(): Language {
  return languages.getStore() ?? DEFAULT_LANGUAGE;
}
