import { pgSchema, text } from 'drizzle-orm/pg-core';

export const checkupsSchema = pgSchema('checkups');
export const checkupItems = checkupsSchema.table('checkup_items', { code: text('code').primaryKey(), nameJa: text('name_ja').notNull() });
export const tables = { checkupItems };
export type Tables = typeof tables;
