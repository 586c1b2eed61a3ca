import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const jobsTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_RETRIEVE_JOB_STATUS",
    title: "Retrieve job status",
    resource: "jobs",
    method: "GET",
    path: "/jobs/status/{job_id}",
    risk: "read",
    description:
      "Checks a background job, such as one started by Enqueue create ticket: pending, success or failed, and once done the id and URL of what it created. " +
      "Not for content data exports, which have their own status tool.",
    input: z.object({
      job_id: z.string().min(1).describe("Id of the job, from the id field that Enqueue create ticket returned, e.g. 2."),
    }),
    keywords: ["job status", "background job", "queued ticket", "is it done", "progress", "async"],
  }),
];
