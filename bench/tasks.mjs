// What the page's main thread did during a load, from a Chromium trace: its
// tasks in thread CPU time (`tdur`), which another process on the same
// cores barely moves, unlike wall time. Lighthouse's simulated TBT is about
// the sum over tasks of max(0, 4 x duration - 50 ms).

/** The renderer main thread of the page (the one that fired timers). */
function pageThread(events) {
  let best = null;
  let bestSum = -1;
  for (const m of events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')) {
    if (!events.some((e) => e.pid === m.pid && e.name === 'TimerFire')) continue;
    const sum = events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X')
      .reduce((a, e) => a + e.dur, 0);
    if (sum > bestSum) {
      best = m;
      bestSum = sum;
    }
  }
  return best;
}

/** `trace` is `{ traceEvents }`; `bundle` a regular expression matching the
 *  bundle's JS file name. Returns, in ms of thread CPU time: every task
 *  (`all`), the tasks that ran the bundle's code (`wasmTasks`, in order),
 *  the first task spent mostly in layout (`layout`: the static first
 *  paint's), the longest task and the TBT-like sum. */
export function mainThreadTasks(trace, bundle = /landing-/) {
  const events = trace.traceEvents;
  const main = pageThread(events);
  if (!main) return null;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = mine.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const within = (t, e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur;
  let all = 0;
  let blocking = 0;
  let longest = 0;
  const wasmTasks = [];
  let layout = 0;
  for (const t of tasks) {
    const ms = cpu(t);
    all += ms;
    blocking += Math.max(0, 4 * ms - 50);
    longest = Math.max(longest, ms);
    const inside = mine.filter((e) => e !== t && within(t, e));
    if (ms > 1 && inside.some((e) => e.name === 'FunctionCall' && bundle.test(e.args?.data?.url ?? ''))) wasmTasks.push(ms);
    const layoutMs = inside.filter((e) => e.name === 'Layout').reduce((a, e) => a + cpu(e), 0);
    if (!layout && ms > 3 && layoutMs > 0.4 * ms) layout = ms;
  }
  return { all, blocking, longest, layout, wasmTasks, wasm: wasmTasks.reduce((a, b) => a + b, 0) };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
