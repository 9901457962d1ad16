import { wechatLoginRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { authenticate } from '../caller';
import { portal } from '../wiring';

/** POST /me/wechat */
export const handler = httpHandler(async (event) => {
  const caller = await authenticate(event);
  const { code } = parseJsonBody(event, wechatLoginRequestSchema);
  return json(200, await portal().linkWechat(caller, code), NO_STORE);
});
