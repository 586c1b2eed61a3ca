/**
 * How Switchboard reaches Intercom and how a person connects it: an access token from the environment, a token
 * from the OAuth flow (stored encrypted with the SecretStore), or, with neither, the built-in emulator.
 */
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import type { SecretStore } from "../secrets/secret-store.js";
import type { OAuthStatesRepo } from "../store/oauth-states-repo.js";

/** The SecretStore name of the token obtained through OAuth. */
export const INTERCOM_TOKEN_SECRET = "intercom.oauth_token";
export const INTERCOM_AUTHORIZE_URL = "https://app.intercom.com/oauth";
const DEFAULT_TOKEN_URL = "https://api.intercom.io/auth/eagle/token";
export const INTERCOM_CALLBACK_PATH = "/intercom/oauth/callback";

export interface IntercomConnectionStatus {
  mode: "oauth" | "token" | "emulator";
  detail: string;
}

export interface IntercomConnectionOptions {
  config: Readonly<Config>;
  secrets: SecretStore;
  states: OAuthStatesRepo;
  fetch?: typeof fetch;
}

export class IntercomConnection {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: IntercomConnectionOptions) {
    this.fetchFn = options.fetch ?? fetch;
  }

  /** The token the transport should use, if any: the environment's wins over a stored OAuth token. */
  token(): string | undefined {
    return this.options.config.intercom.accessToken ?? this.options.secrets.get(INTERCOM_TOKEN_SECRET);
  }

  status(): IntercomConnectionStatus {
    const { intercom } = this.options.config;
    if (intercom.accessToken) return { mode: "token", detail: `connected with INTERCOM_ACCESS_TOKEN to ${intercom.baseUrl}` };
    if (this.options.secrets.get(INTERCOM_TOKEN_SECRET)) return { mode: "oauth", detail: `connected through OAuth to ${intercom.baseUrl}` };
    return { mode: "emulator", detail: "not connected: using the built-in emulator with a demo workspace" };
  }

  /** OAuth needs the app's client id and secret and a public URL for the callback. */
  oauthReady(): boolean {
    const { config } = this.options;
    return Boolean(config.intercom.clientId && config.intercom.clientSecret && config.publicUrl);
  }

  redirectUri(): string {
    return `${this.options.config.publicUrl}${INTERCOM_CALLBACK_PATH}`;
  }

  /** A one-time install link whose state is tied to the Slack user who asked; valid for ten minutes. */
  installLink(slackUserId?: string): string {
    if (!this.oauthReady()) throw new AppError("INTERCOM_NOT_CONFIGURED", this.howToEnableOAuth());
    const { state } = this.options.states.issue("intercom", slackUserId);
    const url = new URL(INTERCOM_AUTHORIZE_URL);
    url.searchParams.set("client_id", this.options.config.intercom.clientId!);
    url.searchParams.set("state", state);
    url.searchParams.set("redirect_uri", this.redirectUri());
    return url.toString();
  }

  /** Names exactly what is missing and the redirect URL to register, so nobody has to guess the path. */
  howToEnableOAuth(): string {
    const { intercom, publicUrl } = this.options.config;
    const missing = [
      intercom.clientId ? undefined : "INTERCOM_CLIENT_ID",
      intercom.clientSecret ? undefined : "INTERCOM_CLIENT_SECRET",
      publicUrl ? undefined : "SWITCHBOARD_PUBLIC_URL (the https address where Switchboard is reachable)",
    ].filter((name): name is string => Boolean(name));
    const callback = publicUrl ? `${publicUrl}${INTERCOM_CALLBACK_PATH}` : `that address followed by ${INTERCOM_CALLBACK_PATH}`;
    return (
      `To connect through OAuth, set ${missing.join(", ")} in Switchboard's environment and restart it; the client id and secret are on your Intercom app's Basic information page. ` +
      `Then add ${callback} to that app's OAuth redirect URLs. Or set INTERCOM_ACCESS_TOKEN instead.`
    );
  }

  /** Where the code is exchanged; follows INTERCOM_BASE_URL when it is overridden (proxies, tests). */
  tokenUrl(): string {
    const { intercom } = this.options.config;
    return intercom.baseUrlOverridden ? `${intercom.baseUrl}/auth/eagle/token` : DEFAULT_TOKEN_URL;
  }

  /** Checks the state, exchanges the code and stores the token encrypted. Returns who started the install. */
  async completeOAuth(code: string, state: string): Promise<{ slackUserId?: string }> {
    const issued = this.options.states.consume("intercom", state);
    if (!issued) throw new AppError("USAGE", "This link has expired or was already used. Run /switchboard connect in Slack for a new one.");
    const { clientId, clientSecret, timeoutMs } = this.options.config.intercom;
    let response: Response;
    try {
      response = await this.fetchFn(this.tokenUrl(), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ code, client_id: clientId, client_secret: clientSecret }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new AppError("INTERCOM_NETWORK", "Intercom could not be reached to finish connecting. Try the link again in a minute.", {
        cause: error,
        details: { slackUserId: issued.userId },
      });
    }
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = typeof body.access_token === "string" ? body.access_token : typeof body.token === "string" ? body.token : undefined;
    if (!response.ok || !token) {
      throw new AppError("INTERCOM_HTTP", `Intercom refused the connection (HTTP ${response.status}). Run /switchboard connect for a new link and try again.`, {
        details: { status: response.status, slackUserId: issued.userId },
      });
    }
    this.options.secrets.put(INTERCOM_TOKEN_SECRET, token);
    return { slackUserId: issued.userId };
  }

  /** The person cancelled on Intercom's page: the state is used up; returns who started the install, if known. */
  abandonOAuth(state: string): { slackUserId?: string } {
    return { slackUserId: this.options.states.consume("intercom", state)?.userId };
  }

  /** Deletes the stored OAuth token. Returns whether there was one. */
  revoke(): boolean {
    return this.options.secrets.delete(INTERCOM_TOKEN_SECRET);
  }
}
