/**
 * A cron expression in plain words for `switchboard jobs list`: the common shapes get a sentence ("every 5
 * minutes", "every Monday at 09:00"); anything unusual falls back to "on the schedule <cron>" rather than a
 * wrong sentence.
 */
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const isNumber = (field: string) => /^\d+$/.test(field);
const pad = (n: number) => String(n).padStart(2, "0");

function dayOfWeek(field: string): string | undefined {
  if (field === "*" || field === "?") return "";
  const one = (token: string): number | undefined => {
    const lower = token.toLowerCase();
    if (lower in DAY_NAMES) return DAY_NAMES[lower];
    if (isNumber(token) && Number(token) <= 7) return Number(token) % 7;
    return undefined;
  };
  const range = /^(\w+)-(\w+)$/.exec(field);
  if (range) {
    const [from, to] = [one(range[1] as string), one(range[2] as string)];
    if (from === 1 && to === 5) return " on weekdays";
    if (from !== undefined && to !== undefined) return ` from ${DAYS[from]} to ${DAYS[to]}`;
    return undefined;
  }
  const list = field.split(",").map(one);
  if (list.some((d) => d === undefined)) return undefined;
  const names = list.map((d) => `${DAYS[d as number]}`);
  return ` every ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`}`;
}

export function describeCron(expression: string, timezone?: string): string {
  const fields = expression.trim().split(/\s+/);
  const zone = timezone ? ` (${timezone})` : "";
  const fallback = `on the schedule ${expression}${zone}`;
  if (fields.length === 6) {
    const [second, ...rest] = fields as [string, ...string[]];
    if (rest.every((f) => f === "*")) {
      if (second === "*") return "every second";
      const every = /^\*\/(\d+)$/.exec(second);
      if (every) return `every ${every[1]} seconds`;
    }
    if (second !== "0") return fallback;
    return describeCron(rest.join(" "), timezone);
  }
  if (fields.length !== 5) return fallback;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (month !== "*") return fallback;
  if (dom === "*" && dow === "*") {
    if (minute === "*" && hour === "*") return "every minute";
    const everyMinutes = /^\*\/(\d+)$/.exec(minute);
    if (everyMinutes && hour === "*") return `every ${everyMinutes[1]} minutes`;
    if (isNumber(minute) && hour === "*") return `every hour at :${pad(Number(minute))}`;
    const everyHours = /^\*\/(\d+)$/.exec(hour);
    if (isNumber(minute) && everyHours) return `every ${everyHours[1]} hours at :${pad(Number(minute))}`;
  }
  if (!isNumber(minute) || !isNumber(hour)) return fallback;
  const time = `${pad(Number(hour))}:${pad(Number(minute))}${zone}`;
  if (dom === "*" && dow === "*") return `every day at ${time}`;
  if (dom === "*") {
    const days = dayOfWeek(dow);
    return days === undefined ? fallback : `${days.trim()} at ${time}`;
  }
  if (dow === "*" && isNumber(dom)) return `on day ${Number(dom)} of every month at ${time}`;
  if (dow === "*" && dom.toUpperCase() === "L") return `on the last day of every month at ${time}`;
  return fallback;
}
