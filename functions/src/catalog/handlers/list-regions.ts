import { httpHandler, json } from '../../platform/http';
import { catalog } from '../wiring';

export const handler = httpHandler(async () => {
  const regions = await catalog().listRegions();
  return json(200, { regions }, { 'Cache-Control': 'public, max-age=3600' });
});
