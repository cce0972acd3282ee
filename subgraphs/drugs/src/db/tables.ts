import { pgSchema, text } from 'drizzle-orm/pg-core';

export const drugsSchema = pgSchema('drugs');
export const drugMaster = drugsSchema.table('drug_master', { drugCode: text('drug_code').primaryKey(), name: text('name').notNull() });
export const tables = { drugMaster };
export type Tables = typeof tables;
