import * as z from 'zod';

// zod's own messages (wrong type, too long, …) in Simplified Chinese, like every message we write.
z.config(z.locales.zhCN());
