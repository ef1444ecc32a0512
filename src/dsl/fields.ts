import { z } from "zod";

/** the part of a sample the regex and boundary extractors read, named as their GUIs write it */
export const USE_FIELD = {
  body: "false",
  bodyUnescaped: "unescaped",
  bodyAsDocument: "as_document",
  responseHeaders: "true",
  requestHeaders: "request_headers",
  url: "URL",
  responseCode: "code",
  responseMessage: "message",
} as const;

/** @default "body" */
export const useField = z.enum(Object.keys(USE_FIELD) as [keyof typeof USE_FIELD, ...(keyof typeof USE_FIELD)[]]).default("body");
