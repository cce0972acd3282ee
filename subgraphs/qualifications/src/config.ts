import { z } from 'zod';
import { loadConfigOrExit } from '@onshi/kit';

/**
 * Settings only this subgraph needs, parsed once at start-up like the kit's (a bad value stops the process
 * with one line). CHECKUPS_URL is where insurer-change events go (docs/contracts.md contract 6).
 */
const qualificationsConfigSchema = z.object({
  CHECKUPS_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url().default('http://127.0.0.1:4003')),
});
export type QualificationsConfig = z.infer<typeof qualificationsConfigSchema>;

export function loadQualificationsConfig(env: Record<string, string | undefined> = process.env): QualificationsConfig {
  return loadConfigOrExit('onshi-qualifications', qualificationsConfigSchema, env);
}
