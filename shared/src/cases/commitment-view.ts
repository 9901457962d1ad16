import '../zod-locale';
import * as z from 'zod';
import { COMMITMENT_CONSEQUENCE_KEYS } from '../application/commitment-consequences';

/** A commitment confirmed instead of a material (告知承诺制), as the case recorded it. */
export const commitmentViewSchema = z
  .object({
    confirmedAt: z.string(),
    applicantName: z.string().meta({ description: '承诺人' }),
    guideVersion: z.number().int().meta({ description: '指南版本' }),
    textHash: z.string().meta({ description: 'SM3 摘要' }),
    algorithm: z.literal('SM3'),
    text: z.string().meta({ description: '承诺内容' }),
    consequence: z.string().optional().meta({ description: '承诺不实的后果' }),
    signedInPerson: z.object({ staffName: z.string() }).optional().meta({ description: '窗口当面签署' }),
    falseMarks: z
      .array(z.object({ at: z.string(), consequence: z.enum(COMMITMENT_CONSEQUENCE_KEYS), consequenceLabel: z.string(), opinion: z.string().optional(), actorName: z.string().optional() }))
      .meta({ description: '承诺不实记录' }),
  })
  .meta({ id: 'CommitmentView' });
export type CommitmentView = z.infer<typeof commitmentViewSchema>;
