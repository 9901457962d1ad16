import * as z from 'zod';
// Imported on its own, not as z.locales.zhCN, so bundles carry one locale rather than all of them.
import { zhCN } from 'zod/locales';

// zod's own messages (wrong type, too long, …) in Simplified Chinese, like every message we write.
z.config(zhCN());
