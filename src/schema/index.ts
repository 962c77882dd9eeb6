/** Loads every type file for its side effects, then builds the schema. */
import './scalars.js';
import './errors.js';
import './provider.js';
import './device.js';
import './user.js';
import { builder } from './builder.js';

export const schema = builder.toSchema();
