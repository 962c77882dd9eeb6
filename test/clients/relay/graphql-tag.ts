/**
 * Relay's `graphql` tag, as far as this test needs it: the Relay compiler reads the tagged
 * documents from the source text, and react-relay's own tag is not installed.
 */
export const graphql = (strings: TemplateStringsArray): string => strings.join('');
