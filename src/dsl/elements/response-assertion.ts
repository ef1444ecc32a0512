import { z } from "zod";
import { element, node, type ElementDef } from "../node.js";
import { scope } from "../scope.js";

/** the sample part a Response Assertion tests, and its JMeter property value */
export const TEST_FIELD = {
  responseData: "Assertion.response_data",
  responseDocument: "Assertion.response_data_as_document",
  responseCode: "Assertion.response_code",
  responseMessage: "Assertion.response_message",
  responseHeaders: "Assertion.response_headers",
  requestHeaders: "Assertion.request_headers",
  requestData: "Assertion.request_data",
  url: "Assertion.sample_label",
} as const;

/** test_type bits */
export const RULE = { matches: 1, contains: 2, equals: 8, substring: 16 } as const;

export const ResponseAssertion = element("responseAssertion", "Response Assertion", {
  /** @default "responseCode" */
  field: z.enum(Object.keys(TEST_FIELD) as [keyof typeof TEST_FIELD, ...(keyof typeof TEST_FIELD)[]]).default("responseCode"),
  /** how each pattern is compared @default "equals" */
  rule: z.enum(["matches", "contains", "equals", "substring"]).default("equals"),
  /** patterns (regexes for matches/contains) */
  patterns: z.array(z.union([z.string(), z.number()]).transform(String)).min(1, "at least one pattern"),
  /** invert: the sample fails when a pattern holds @default false */
  not: z.boolean().default(false),
  /** pass when any pattern holds (default: all must) @default false */
  any: z.boolean().default(false),
  /** treat the sample as successful before testing (e.g. to accept a 404) @default false */
  assumeSuccess: z.boolean().default(false),
  /** failure message instead of JMeter's @default "" */
  message: z.string().default(""),
  scope,
});

export const def = { schema: ResponseAssertion, category: "assertion" } satisfies ElementDef;

export type ResponseAssertionProps = Omit<z.input<typeof ResponseAssertion>, "kind">;

/** A Response Assertion: fails the sample unless its code, text or headers match the patterns. */
export function responseAssertion(props: ResponseAssertionProps) {
  return node("responseAssertion", props);
}
