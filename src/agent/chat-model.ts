/**
 * The chat model and embeddings from configuration. Any OpenAI-compatible endpoint works: OpenAI itself,
 * Azure's OpenAI-compatible /openai/v1 route, Ollama and vLLM (a base URL and, if the server wants one, a key).
 */
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";

type ModelConfig = Config["model"];

// Local servers (Ollama, vLLM) ignore the key, but the OpenAI SDK refuses to start without one.
const keyFor = (model: ModelConfig) => model.apiKey ?? "not-needed";

export const MODEL_SETUP_HELP =
  "No language model is configured, so the agent cannot answer. Set OPENAI_API_KEY (and OPENAI_MODEL if you want another model than gpt-4.1-mini), " +
  "or point OPENAI_BASE_URL at an OpenAI-compatible server such as Ollama (http://localhost:11434/v1) or vLLM, then run the command again.";

export function modelNotConfiguredError(): AppError {
  return new AppError("MODEL_NOT_CONFIGURED", MODEL_SETUP_HELP);
}

/** The configured chat model, or undefined when none is configured (callers say so plainly). */
export function createChatModel(model: ModelConfig): BaseChatModel | undefined {
  if (!model.configured) return undefined;
  return new ChatOpenAI({
    model: model.chatModel,
    apiKey: keyFor(model),
    configuration: model.baseUrl ? { baseURL: model.baseUrl } : undefined,
    maxRetries: 2,
  });
}

/** One embedding request's limit: a batch of 64 chunks takes seconds; the client's own default is ten minutes. */
export const EMBEDDING_REQUEST_TIMEOUT_MS = 60_000;

export function createEmbeddings(model: ModelConfig): OpenAIEmbeddings | undefined {
  if (!model.configured || !model.embeddingModel) return undefined;
  return new OpenAIEmbeddings({
    model: model.embeddingModel,
    apiKey: keyFor(model),
    configuration: model.baseUrl ? { baseURL: model.baseUrl } : undefined,
    maxRetries: 2,
    timeout: EMBEDDING_REQUEST_TIMEOUT_MS,
  });
}
