import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A moment in time as an RFC 3339 string in UTC, e.g. `2026-01-15T09:30:00.000Z`.',
});
builder.addScalarType('JSONObject', JSONObjectResolver, {
  description: 'A JSON object, as stored in user metadata.',
});
