import { localiseSummary } from '@ah-tourism/shared/src/catalog/guide-translation';
import { regionOnlyQuerySchema } from '@ah-tourism/shared/src/search/api';
import { httpHandler, json, parseInput } from '../../platform/http';
import { requestLanguage } from '../../platform/language';
import { search } from '../search-wiring';

/** GET /catalog/scenarios: 一件事, each step with the item as the chosen region implements it. */
export const handler = httpHandler(async (event) => {
  const query = parseInput(regionOnlyQuerySchema, event.queryStringParameters ?? {});
  const result = await search().scenarios(query.region);
  const language = requestLanguage();
  // The scenarios' own words are Chinese only; the items they lead to are named in the language asked for.
  const scenarios = result.scenarios.map((scenario) => ({
    ...scenario,
    steps: scenario.steps.map((step) => ({ ...step, implementation: step.implementation && localiseSummary(step.implementation, language) })),
  }));
  return json(200, { ...result, scenarios }, { 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Language' });
});
