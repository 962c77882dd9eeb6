/**
 * How a description says which providers offer an optional operation or a filter, and how many
 * values it takes, read from the providers' traits so the documentation and the answers (UNSUPPORTED,
 * INVALID_INPUT) cannot disagree.
 */
import { PROVIDER_TRAITS, providersWith } from '../providers/catalog.js';
import type { OptionalOperation, UserFilterField } from '../providers/types.js';

/** The providers that offer it: `Clerk`. */
export const offeredBy = (operation: OptionalOperation): string => providersWith(operation).join(', ');

/** The providers that lack it: `Passage`. */
export const lackedBy = (operation: OptionalOperation): string => providersWith(operation, false).join(', ');

/** What the others answer: ``UnsupportedError` on Passage`. */
export const unsupportedOn = (operation: OptionalOperation): string =>
  `\`UnsupportedError\` on ${lackedBy(operation)}`;

/** Who lacks it and offers nothing like it either: `Passage has no equivalent`. */
export function withoutEquivalent(operation: OptionalOperation): string {
  const lacking = providersWith(operation, false);
  return `${lacking.join(', ')} ${lacking.length === 1 ? 'has' : 'have'} no equivalent`;
}

const withFilter = (field: UserFilterField) => PROVIDER_TRAITS.filter((traits) => traits.filters.has(field));

/** Who alone has a filter: `Clerk only`. */
export const onlyOn = (field: UserFilterField): string =>
  `${withFilter(field)
    .map((traits) => traits.label)
    .join(', ')} only`;

/** How many values a list filter takes in each provider that has it: `Clerk: up to 100; Passage: one`. */
export const valuesPerProvider = (field: UserFilterField): string =>
  withFilter(field)
    .map(({ label, limits }) => `${label}: ${valuesText(limits.maxFilterValuesPerCall)}`)
    .join('; ');

/** `up to 100`, the most values of a list filter any provider with it takes. */
export const mostValues = (field: UserFilterField): string =>
  valuesText(Math.max(...withFilter(field).map((traits) => traits.limits.maxFilterValuesPerCall)));

const valuesText = (count: number) => (count === 1 ? 'one' : `up to ${count}`);
