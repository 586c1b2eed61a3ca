/** Custom objects: workspace-defined records (orders, subscriptions, devices) linked to contacts and conversations. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const customObjectsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_GET_CUSTOM_OBJECT_INSTANCE_BY_EXTERNAL_ID",
    title: "Get custom object instance by external ID",
    resource: "custom_objects",
    method: "GET",
    path: "/custom_object_instances/{custom_object_type_identifier}",
    input: z.object({
      custom_object_type_identifier: z
        .string()
        .min(1)
        .describe('Identifier of the custom object type as defined in the workspace settings, e.g. "Order" or "Subscription" (case as defined).'),
      external_id: z.string().min(1).describe('The id your own system gave the record, e.g. an order number "ORD-10442".'),
    }),
    risk: "read",
    description:
      "Looks up one custom object record (e.g. an order or a subscription synced from your systems) by the id your own system uses, " +
      "returning its attributes. Needs the custom object type's identifier.",
    keywords: ["order lookup", "order status", "subscription record", "custom object", "external id", "find order"],
  }),
];
