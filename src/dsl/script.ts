import { z } from "zod";

/** fields of every JSR223 element: Groovy inline, from a file, or rendered from a template */
export const scriptFields = {
  /** inline script text @default none */
  script: z.string().optional(),
  /** a template `templates/groovy/<name>.groovy.hbs`, rendered at build time with `data` @default none */
  template: z.string().regex(/^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/, "a template name like \"retry-after\" (letters, digits, - . _ /; no . or .. parts)").optional(),
  /** what the template is rendered with @default {} */
  data: z.record(z.string(), z.unknown()).default({}),
  /** a script file JMeter reads at run time; takes precedence over `script` @default none */
  file: z.string().optional(),
  /** text passed to the script as `Parameters` and `args[]` @default "" */
  parameters: z.string().default(""),
  /** cache the compiled script @default true */
  cache: z.boolean().default(true),
  /** @default "groovy" */
  language: z.string().default("groovy"),
};

const oneSource = (el: { script?: string | undefined; template?: string | undefined; file?: string | undefined }) =>
  [el.script, el.template, el.file].filter((s) => s !== undefined).length === 1;

/** a JSR223 schema refinement: exactly one of script, template and file */
export const scriptSource: [typeof oneSource, { message: string; path: string[] }] = [oneSource, { message: "give exactly one of script, template or file", path: ["script"] }];
