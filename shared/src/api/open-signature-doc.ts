import { OPEN_API_SCOPES } from '../auth/open-api';

/** The signature scheme of the open API (/open/v1), as the OpenAPI document describes it to consumers. */
export const SIGNED_REQUEST_DESCRIPTION = [
  '开放接口（/open/v1/…）供省政务服务平台等系统服务器间调用，不使用登录令牌，每个请求用应用密钥签名（HMAC-SHA256）。',
  '请求头：X-Ah-App-Key（密钥标识，ak_ 加24位十六进制）；X-Ah-Timestamp（Unix 时间戳，秒，与服务器时间相差不得超过5分钟）；',
  'X-Ah-Nonce（16-64位字母、数字、- 或 _，每个请求新生成，同一密钥15分钟内不得重复）；X-Ah-Signature（签名，64位小写十六进制）。',
  '待签名串为以下六行以 \\n 连接（末尾无换行）：1 请求方法（大写）；2 请求路径（不含查询串，如 /open/v1/cases/…）；',
  '3 规范查询串：各参数名和值先解码，再按 RFC 3986 百分号编码，按参数名、再按值排序，以 & 连接，无查询串时为空行；',
  '4 X-Ah-Timestamp 的值；5 X-Ah-Nonce 的值；6 请求体字节的 SHA-256（小写十六进制；无请求体时为空串的摘要）。',
  '签名 = hex(HMAC-SHA256(密钥, 待签名串))，密钥为签发时给出的密钥字符串（UTF-8）。请求体不超过64KB。',
  `权限范围（scope）：${Object.entries(OPEN_API_SCOPES).map(([key, label]) => `${key}（${label}）`).join('；')}。`,
  '签名不符、时间戳过期、随机串重复、密钥不存在或已停用答复 401（各有错误码），密钥无该接口的权限范围答复 403。',
].join('');
