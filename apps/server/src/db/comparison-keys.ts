import { sql } from 'kysely';

// The database folds codes, document numbers and issuers into comparison keys (migration 0008); lookups fold the
// value they compare with the same functions, so the application never keeps a second copy of the rules.
export const codeKey = (code: string) => sql<string>`thidua_code_key(${code})`;
export const numberKey = (number: string) => sql<string>`thidua_number_key(${number})`;
export const foldKey = (text: string) => sql<string>`thidua_fold(${text})`;
