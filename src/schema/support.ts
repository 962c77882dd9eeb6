/**
 * How a description says which providers offer an optional operation, read from the providers'
 * capability tables so the documentation and the UNSUPPORTED answers cannot disagree.
 */
import { providersWith } from '../providers/catalog.js';
import type { OptionalOperation } from '../providers/types.js';

/** The providers that offer it: `Clerk`. */
export const offeredBy = (operation: OptionalOperation): string => providersWith(operation).join(', ');

/** What the others answer: ``UnsupportedError` on Passage`. */
export const unsupportedOn = (operation: OptionalOperation): string =>
  `\`UnsupportedError\` on ${providersWith(operation, false).join(', ')}`;
