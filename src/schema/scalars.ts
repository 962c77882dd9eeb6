import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { builder } from './builder.js';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A moment in time as an RFC 3339 string in UTC, e.g. `2026-01-15T09:30:00.000Z`.',
});
builder.addScalarType('JSONObject', JSONObjectResolver, {
  description: 'A JSON object, as stored in user metadata.',
});

const FileScalar = new GraphQLScalarType<File, never>({
  name: 'File',
  description:
    'A file sent as a part of a multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). Input only.',
  serialize: () => {
    throw new GraphQLError('File is an input type only');
  },
  // Duck-typed: yoga hands over its fetch implementation's File, not necessarily Node's class.
  parseValue: (value) => {
    if (isFile(value)) return value;
    // A GraphQLError, so the caller reads why rather than a masked "Unexpected error".
    throw new GraphQLError('File must be a part of a multipart request');
  },
  parseLiteral: () => {
    throw new GraphQLError('File must be a part of a multipart request, not a literal');
  },
});

function isFile(value: unknown): value is File {
  return (
    typeof value === 'object' &&
    value !== null &&
    'arrayBuffer' in value &&
    'type' in value &&
    'size' in value
  );
}

builder.addScalarType('File', FileScalar);
