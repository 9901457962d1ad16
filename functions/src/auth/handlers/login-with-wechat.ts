import { wechatLoginRequestSchema } from '@ah-tourism/shared';
import { httpHandler, json, parseJsonBody, NO_STORE } from '../../platform/http';
import { auth } from '../wiring';

/** POST /auth/wechat */
export const handler = httpHandler(async (event) => {
  const { code } = parseJsonBody(event, wechatLoginRequestSchema);
  return json(200, await auth().signInWithWechat(code), NO_STORE);
});
