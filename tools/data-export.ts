/**
 * Content data export: an asynchronous job that exports outbound-message delivery and engagement data as a
 * gzipped CSV. Create, poll the status, then download; at most one job per workspace runs at a time.
 */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

const jobIdentifier = z.string().min(1).describe('The job_identifier returned when the export was created, e.g. "orzzsbd7hk67xyu".');

export const dataExportTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_CREATE_DATA_EXPORT",
    title: "Create data export",
    resource: "data_export",
    method: "POST",
    path: "/export/content/data",
    input: z.object({
      created_at_after: z.number().int().describe("Start of the period, as a UNIX timestamp in seconds, e.g. 1717200000 for 2024-06-01 00:00 UTC."),
      created_at_before: z.number().int().describe("End of the period, as a UNIX timestamp in seconds; must be after created_at_after."),
    }),
    risk: "write",
    description:
      "Starts an export of outbound message data (who received which email, post, tour, survey or series message, and opens, clicks, replies, " +
      "bounces and unsubscribes) for messages sent in a period. It does not export conversation transcripts. Only one export job may be active " +
      "per workspace (a second gets a rate-limit error); poll with INTERCOM_RETRIEVE_DATA_EXPORT_JOB_STATUS (not the generic job status tool), then download.",
    keywords: ["export csv", "data export", "message report", "email engagement export", "campaign stats", "download data", "outbound export"],
  }),
  defineTool({
    name: "INTERCOM_RETRIEVE_DATA_EXPORT_JOB_STATUS",
    title: "Retrieve job status",
    resource: "data_export",
    method: "GET",
    path: "/export/content/data/{job_identifier}",
    input: z.object({ job_identifier: jobIdentifier }),
    risk: "read",
    description:
      "Checks a content data export job: pending, in_progress, completed (with a download URL), no_data, failed or canceled. " +
      "A finished export can be downloaded for two days, then it expires.",
    keywords: ["export status", "is the export ready", "export progress", "csv ready"],
  }),
  defineTool({
    name: "INTERCOM_CANCEL_DATA_EXPORT",
    title: "Cancel data export",
    resource: "data_export",
    method: "POST",
    path: "/export/cancel/{job_identifier}",
    input: z.object({ job_identifier: jobIdentifier }),
    risk: "destructive",
    description:
      "Cancels a content data export job that has not finished; its data is discarded and the job cannot be resumed. " +
      "Use it to free the single export slot for a new export.",
    keywords: ["cancel export", "stop export", "abort csv export"],
  }),
  defineTool({
    name: "INTERCOM_DOWNLOAD_DATA_EXPORT",
    title: "Download data export",
    resource: "data_export",
    method: "GET",
    path: "/download/content/data/{job_identifier}",
    responseType: "binary",
    input: z.object({ job_identifier: jobIdentifier }),
    risk: "read",
    description:
      "Downloads the result of a completed content data export: a gzipped CSV file, not JSON. " +
      "Only works once INTERCOM_RETRIEVE_DATA_EXPORT_JOB_STATUS says completed, and within two days of that.",
    keywords: ["download export", "get csv", "export file", "download report"],
  }),
];
