import '../zod-locale';
import * as z from 'zod';
import { COMMITMENT_CONSEQUENCE_KEYS } from '../application/commitment-consequences';

/** A commitment confirmed instead of a material (告知承诺制), as the case recorded it. */
export const commitmentViewSchema = z
  .object({
    confirmedAt: z.string(),
    applicantName: z.string().meta({ description: '承诺人（办件中的申请人名称）' }),
    guideVersion: z.number().int().meta({ description: '所确认承诺内容所在的办事指南版本' }),
    textHash: z.string().meta({ description: '承诺内容的 SM3 摘要' }),
    algorithm: z.literal('SM3'),
    text: z.string().meta({ description: '所确认的承诺内容（办件所依据的指南版本）' }),
    consequence: z.string().optional().meta({ description: '指南写明的承诺不实的后果' }),
    signedInPerson: z.object({ staffName: z.string() }).optional().meta({ description: '窗口受理时申请人当面签署，由该工作人员录入' }),
    falseMarks: z
      .array(z.object({ at: z.string(), consequence: z.enum(COMMITMENT_CONSEQUENCE_KEYS), consequenceLabel: z.string(), opinion: z.string().optional(), actorName: z.string().optional() }))
      .meta({ description: '工作人员认定承诺不实的记录及处理结果' }),
  })
  .meta({ id: 'CommitmentView' });
export type CommitmentView = z.infer<typeof commitmentViewSchema>;
