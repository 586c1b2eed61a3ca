/**
 * The company tools. Two ids meet here: Intercom's own `id` (in paths, named company_id by the spec) and the
 * `company_id` your product assigns (in bodies and the lookup query); every description says which one it wants.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const intercomCompanyId = () =>
  z
    .string()
    .min(1)
    .describe(
      "Intercom's id of the company (the id field of a company object, e.g. 531ee472cce572a6ec000006), not your own company_id. " +
        "Get it with Retrieve companies (by name or company_id).",
    );

function companyAttributes() {
  return {
    name: z.string().optional().describe("Company name, e.g. Acme Ltd."),
    plan: z.string().optional().describe("Name of the plan the company is on, e.g. Enterprise."),
    size: z.number().int().min(0).optional().describe("Number of employees, e.g. 250."),
    website: z.string().optional().describe("Company website URL, e.g. https://acme.example (not validated by Intercom)."),
    industry: z.string().optional().describe("Industry, e.g. Logistics."),
    custom_attributes: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Custom company attributes keyed by name, e.g. {"tier":"gold","renewal_month":"June"}; each must already exist as a company data attribute.'),
    monthly_spend: z
      .number()
      .int()
      .min(0)
      .max(2147483647)
      .optional()
      .describe("Revenue from this company per month as a whole number (decimals are cut off), e.g. 4900."),
  };
}

export const companiesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_RETRIEVE_COMPANIES",
    title: "Retrieve companies",
    resource: "companies",
    method: "GET",
    path: "/companies",
    risk: "read",
    description:
      "Look up a company by its name or by your own company_id, or list the companies carrying a tag or in a segment. The usual first step to get " +
      "Intercom's company id. Page-numbered results (15 per page by default, up to 60).",
    keywords: ["find company", "look up account", "organisation", "customer account", "company by name", "business"],
    input: z.object({
      name: z.string().optional().describe("Exact company name to look up, e.g. Acme Ltd."),
      company_id: z.string().optional().describe("Your own system's id for the company (set when it was created), e.g. acme-42. Not Intercom's id."),
      tag_id: z.string().optional().describe("Only companies with this tag id (List all tags shows ids), e.g. 7522907."),
      segment_id: z.string().optional().describe("Only companies in this segment id (List all segments), e.g. 5310d8e8598c9a0b24000005."),
      page: z.number().int().min(1).optional().describe("Page number, starting at 1."),
      per_page: z.number().int().min(1).max(60).optional().describe("Companies per page, 1 to 60; 15 when omitted."),
    }),
  }),

  defineTool({
    name: "INTERCOM_RETRIEVE_A_COMPANY_BY_ID",
    title: "Retrieve a company by id",
    resource: "companies",
    method: "GET",
    path: "/companies/{company_id}",
    risk: "read",
    description:
      "Fetch one company by Intercom's id: name, plan, size, spend, user count, tags, segments and custom attributes. If you only know the name or your " +
      "own company_id, use Retrieve companies instead.",
    keywords: ["company details", "account info", "plan", "how many users", "company profile"],
    input: z.object({ company_id: intercomCompanyId() }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ALL_COMPANIES",
    title: "List all companies",
    resource: "companies",
    method: "POST",
    path: "/companies/list",
    risk: "read",
    description:
      "Page through all companies, most recently active first (or oldest first with order asc). Companies without any users are left out, and paging stops " +
      "at 10,000 companies; for more use Scroll over all companies. Read-only despite being a POST.",
    keywords: ["all companies", "all accounts", "company list", "every organisation"],
    query: ["page", "per_page", "order"],
    input: z.object({
      page: z.number().int().min(1).optional().describe("Page number, starting at 1."),
      per_page: z.number().int().min(1).max(60).optional().describe("Companies per page, 1 to 60; 15 when omitted."),
      order: z.enum(["asc", "desc"]).optional().describe("Sort by last activity: desc (most recent first, the default) or asc."),
    }),
  }),

  defineTool({
    name: "INTERCOM_SCROLL_OVER_ALL_COMPANIES",
    title: "Scroll over all companies",
    resource: "companies",
    method: "GET",
    path: "/companies/scroll",
    risk: "read",
    description:
      "Walk through every company in a very large workspace, one batch per call, passing scroll_param from the previous answer. Only one scroll per app " +
      "may be open and it expires after a minute idle; an empty batch means the end. On an HTTP 500 start again without scroll_param.",
    keywords: ["export companies", "iterate all accounts", "bulk companies", "every company"],
    input: z.object({
      scroll_param: z.string().optional().describe("The scroll_param from the previous response, to get the next batch; omit to start a new scroll."),
    }),
  }),

  defineTool({
    name: "INTERCOM_CREATE_OR_UPDATE_A_COMPANY",
    title: "Create or update a company",
    resource: "companies",
    method: "POST",
    path: "/companies",
    risk: "write",
    description:
      "Create a company, or update it if one with the same company_id (your own id) exists. company_id cannot be changed later. A new company only shows " +
      "in Intercom once a contact is attached to it (Attach contact to company).",
    keywords: ["add company", "new account", "create organisation", "upsert company", "set plan"],
    input: z.object({
      company_id: z
        .string()
        .optional()
        .describe("Your own unique id for the company, e.g. acme-42; the upsert key. Set it once: it cannot be updated afterwards."),
      ...companyAttributes(),
      remote_created_at: z.number().int().optional().describe("When the company was created in your system, UNIX seconds, e.g. 1717200000."),
      update_last_request_at: z.boolean().optional().describe("true to set the company's last-seen time to now."),
    }),
  }),

  defineTool({
    name: "INTERCOM_UPDATE_A_COMPANY",
    title: "Update a company",
    resource: "companies",
    method: "PUT",
    path: "/companies/{company_id}",
    risk: "write",
    description:
      "Change fields of an existing company by Intercom's id: plan, size, spend, website, industry, custom attributes. Send only what changes; your own " +
      "company_id cannot be changed.",
    keywords: ["edit company", "change plan", "upgrade", "downgrade", "update account", "set tier"],
    input: z.object({
      company_id: intercomCompanyId(),
      ...companyAttributes(),
    }),
  }),

  defineTool({
    name: "INTERCOM_DELETE_A_COMPANY",
    title: "Delete a company",
    resource: "companies",
    method: "DELETE",
    path: "/companies/{company_id}",
    risk: "destructive",
    description:
      "Remove a company: Intercom archives it in the background and detaches its contacts (the contacts remain). A sync integration such as Salesforce may " +
      "recreate it on its next run. Needs Intercom's company id.",
    keywords: ["remove company", "delete account", "churned", "archive organisation"],
    input: z.object({ company_id: intercomCompanyId() }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ATTACHED_CONTACTS",
    title: "List attached contacts",
    resource: "companies",
    method: "GET",
    path: "/companies/{company_id}/contacts",
    risk: "read",
    description: "List the contacts (people) that belong to one company, e.g. everyone at an account. Needs Intercom's company id (Retrieve companies first).",
    keywords: ["people at company", "users of account", "who works at", "company members", "team members"],
    input: z.object({ company_id: intercomCompanyId() }),
  }),

  defineTool({
    name: "INTERCOM_LIST_ATTACHED_SEGMENTS_FOR_COMPANIES",
    title: "List attached segments for companies",
    resource: "companies",
    method: "GET",
    path: "/companies/{company_id}/segments",
    risk: "read",
    description: "List the segments one company currently falls into. Needs Intercom's company id.",
    keywords: ["company segments", "account group", "audience"],
    input: z.object({ company_id: intercomCompanyId() }),
  }),

  defineTool({
    name: "INTERCOM_LIST_COMPANY_NOTES",
    title: "List company notes",
    resource: "companies",
    method: "GET",
    path: "/companies/{company_id}/notes",
    risk: "read",
    description:
      "Read the internal notes teammates left on a company's record (account history). Needs Intercom's company id. For one person's notes use List all notes.",
    keywords: ["account notes", "company history", "internal notes", "company notes"],
    input: z.object({ company_id: intercomCompanyId() }),
  }),
];
