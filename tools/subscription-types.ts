/** The subscription type catalog: the email/message categories contacts can opt into or out of. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const subscriptionTypesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_LIST_SUBSCRIPTION_TYPES",
    title: "List subscription types",
    resource: "subscription_types",
    method: "GET",
    path: "/subscription_types",
    risk: "read",
    description:
      "List the workspace's subscription types (e.g. Newsletter, Product updates) with their id, consent_type (opt_in or opt_out), state and the " +
      "message types they cover. Needed before adding or removing a subscription on a contact.",
    keywords: ["newsletter", "email categories", "unsubscribe options", "marketing preferences", "subscription id", "consent"],
    input: z.object({}),
  }),
];
