import { builder } from './builder.js';

export const Provider = builder.enumType('Provider', {
  description: 'An identity provider usergraph talks to.',
  values: {
    CLERK: { value: 'clerk', description: "Clerk's Backend API. User ids start with `user_`." },
    PASSAGE: {
      value: 'passage',
      description: "Passage's Management API (shut down by its vendor on 2026-01-16).",
    },
  } as const,
});
