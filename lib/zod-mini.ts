/**
 * The zod/mini functions the browser-loaded schemas use, re-exported by name. Modules import this as
 * `import * as z from '@/lib/zod-mini'`: a namespace import of zod/mini itself makes Turbopack keep all of
 * zod (every locale included, ~90 kB gzip); named re-exports let it drop what is not listed here.
 * Server-only code keeps using full `zod`; both kinds of schema compose and parse alike.
 */
export {
  _default,
  array,
  boolean,
  catch,
  discriminatedUnion,
  enum,
  extend,
  int,
  literal,
  maxLength,
  minLength,
  nullable,
  number,
  object,
  optional,
  parse,
  prettifyError,
  record,
  regex,
  safeParse,
  string,
  trim,
} from 'zod/mini';
export type { infer, output } from 'zod/mini';
export { $ZodError } from 'zod/v4/core';
export type { $ZodType } from 'zod/v4/core';
