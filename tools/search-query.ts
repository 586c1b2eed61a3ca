/**
 * Zod pieces for Intercom's search DSL (POST /contacts/search and its siblings). The DSL is recursive in the
 * spec, but Intercom allows at most two levels of nesting, so it is modelled as exactly two levels here: a
 * recursive zod type would turn into a JSON-schema $ref, which OpenAI function calling does not accept.
 */
import * as z from "zod";

const filterOperators = ["=", "!=", "IN", "NIN", "<", ">", "<=", ">=", "~", "!~", "^", "$"] as const;

/** Up to 15 conditions per AND/OR group, as Intercom documents. */
const maxPerGroup = 15;

function searchFilter(fieldHelp: string) {
  return z
    .object({
      field: z.string().min(1).describe(fieldHelp),
      operator: z
        .enum(filterOperators)
        .describe(
          "Comparison: = equals, != not equal, IN / NIN in / not in a list (value must be an array), < > <= >= for numbers, " +
            "~ contains, !~ does not contain, ^ starts with, $ ends with (text only). Date fields accept only =, < and >.",
        ),
      value: z
        .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
        .describe(
          "What to compare with: text, a number, true/false, or an array for IN/NIN. Dates are UNIX seconds, e.g. 1717200000 " +
            "(contact date fields are compared by calendar day in the workspace timezone).",
        ),
    })
    .describe("One condition: field, operator, value.");
}

/**
 * The `query` of a search body: a top-level AND/OR group whose items are conditions or inner AND/OR groups of
 * conditions, e.g. (plan = pro) AND (country = FR OR country = DE).
 */
export function searchQuery(fieldHelp: string) {
  const filter = searchFilter(fieldHelp);
  const innerGroup = z
    .object({
      operator: z.enum(["AND", "OR"]).describe("How the conditions in this inner group combine: AND (all must match) or OR (any may match)."),
      value: z.array(filter).min(1).max(maxPerGroup).describe("The conditions of this inner group (1 to 15); inner groups cannot nest further."),
    })
    .describe("An inner group of conditions joined by AND or OR.");
  const topGroup = z
    .object({
      operator: z.enum(["AND", "OR"]).describe("How the items combine: AND (all must match) or OR (any may match)."),
      value: z
        .array(z.union([filter, innerGroup]))
        .min(1)
        .max(maxPerGroup)
        .describe(
          "1 to 15 items, each either a condition {field, operator, value} or an inner group {operator, value: [conditions]}. " +
            'Example: [{"field":"email","operator":"=","value":"ana@example.com"}].',
        ),
    })
    .describe("An AND/OR group of conditions, nested at most one level deeper.");
  // Intercom also takes a single bare condition as the whole query; models often send exactly that.
  return z
    .union([filter, topGroup])
    .describe("The search filter: one condition {field, operator, value}, or an AND/OR group of conditions nested at most one level deeper.");
}

/** The `pagination` object of a search body. */
export function searchPagination(maxPerPage: number, defaultPerPage: number) {
  return z
    .object({
      per_page: z
        .number()
        .int()
        .min(1)
        .max(maxPerPage)
        .optional()
        .describe(`Results per page, 1 to ${maxPerPage}; Intercom uses ${defaultPerPage} when omitted.`),
      starting_after: z
        .string()
        .optional()
        .describe("Cursor for the next page: copy pages.next.starting_after from the previous response. Omit for the first page."),
    })
    .describe("Paging of the results. Omit for the first page with the default size.");
}
