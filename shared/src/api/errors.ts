import '../zod-locale';
import * as z from 'zod';
import { ERRORS } from '../errors';

export const errorBodySchema = z
  .object({
    code: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]).meta({ description: '稳定的错误代码，客户端据此处理' }),
    message: z.string().meta({ description: '面向用户的中文提示' }),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional().meta({ description: '逐字段的问题' }),
  })
  .meta({ id: 'Error', description: '错误响应' });
