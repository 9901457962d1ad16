import * as z from 'zod';

/**
 * The local stage's developer sign-in (GET /dev/personas, POST /dev/login; stages/local.yml). Kept apart
 * from the sign-in schemas every stage uses, so that only the local-only functions bundle them.
 */
export const devPersonaSchema = z
  .object({
    personaId: z.string(),
    label: z.string(),
    description: z.string(),
    group: z.enum(['applicant', 'city', 'province']),
  })
  .meta({ id: 'DevPersona' });
export type DevPersona = z.infer<typeof devPersonaSchema>;
export const devPersonaListSchema = z.object({ personas: z.array(devPersonaSchema) }).meta({ id: 'DevPersonaList' });
export const devLoginRequestSchema = z.object({ personaId: z.string().min(1).max(80) }).meta({ id: 'DevLoginRequest' });
