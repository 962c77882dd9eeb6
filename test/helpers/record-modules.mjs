// `node --import ./test/helpers/record-modules.mjs ...`: every module URL the program resolves is
// appended to the file named by RECORD_MODULES_TO, so a test can see what a program loaded.
import { register } from 'node:module';

register('./record-modules-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_MODULES_TO } });
