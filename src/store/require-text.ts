import { LangngheError } from '../core/errors.js';

/** The value when it is a non-empty string; otherwise `store.invalid` naming the field. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new LangngheError('store.invalid', `${field} must be a non-empty string`, {
      details: { field },
    });
  }
  return value;
}
