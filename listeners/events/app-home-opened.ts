/** The App Home tab, rebuilt each time someone opens it. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { homeView } from "../../src/slack/blocks/home-view.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";

export function appHomeOpened(context: SlackAppContext) {
  return async ({ event, context: bolt }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    const { services } = context;
    context.work.start("app home", async () => {
      const view = homeView({
        slack: { botUserId: bolt.botUserId, mode: context.mode },
        connections: { intercom: context.intercom.status(), model: services.modelStatus() },
        personas: services.personas.list(),
        defaultPersona: services.personas.defaultPersona,
        pending: services.engine.pendingApprovals(),
        audit: services.audit.latest(10),
      });
      await context.poster.publishHome(event.user, view);
    });
  };
}
