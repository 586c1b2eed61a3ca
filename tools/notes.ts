/** The note tool that stands on its own path; listing and adding notes live with contacts and companies. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const notesTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_RETRIEVE_NOTE",
    title: "Retrieve note",
    resource: "notes",
    method: "GET",
    path: "/notes/{note_id}",
    risk: "read",
    description:
      "Fetch one internal note by its id, with its author, text and the contact or company it belongs to. Note ids come from List all notes (a contact) " +
      "or List company notes.",
    keywords: ["note details", "read note", "internal note"],
    input: z.object({
      note_id: z.string().regex(/^\d+$/, "a note id is a number").describe("Numeric id of the note, as a string of digits, e.g. 17495962."),
    }),
  }),
];
