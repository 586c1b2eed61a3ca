/** Fin Voice: links a phone call handled in an outside contact-centre system to an Intercom call and conversation. */
import * as z from "zod";
import { defineTool, type ToolDefinition } from "./define.js";

export const finVoiceTools: ToolDefinition[] = [
  defineTool({
    name: "INTERCOM_REGISTER_FIN_VOICE_CALL",
    title: "Register Fin Voice call",
    resource: "fin_voice",
    method: "POST",
    path: "/fin_voice/register",
    input: z.object({
      phone_number: z.string().min(1).describe('Caller phone number in E.164 format, e.g. "+14155550123".'),
      call_id: z.string().min(1).describe("The call's id in the telephony provider, e.g. an AWS Connect contact id."),
      source: z.enum(["aws_connect", "five9", "zoom_phone"]).optional().describe('Which telephony provider the call comes from; "aws_connect" when omitted.'),
      data: z.record(z.string(), z.unknown()).optional().describe('Extra call metadata as key/value pairs, e.g. {"queue": "billing", "language": "en"}.'),
    }),
    risk: "write",
    description:
      "Registers a phone call from an outside telephony system (AWS Connect, Five9, Zoom Phone) with Intercom so Fin Voice links it to an " +
      "Intercom call and conversation. Each call id can be registered once; a repeat is refused as a duplicate.",
    keywords: ["phone call", "voice call", "fin voice", "call center", "log call", "telephony"],
  }),
];
