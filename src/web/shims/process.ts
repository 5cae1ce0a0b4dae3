// Stands in for Node's `process` in the browser bundle (webpack ProvidePlugin): exceljs's sources and readable-stream
// only ask process.browser, process.nextTick and process.env, so no npm `process` package is needed.
type Callback = (...args: unknown[]) => void;

export const process = {
  browser: true,
  env: {} as Record<string, string | undefined>,
  // Node runs nextTick callbacks before other queued work, as a microtask does.
  nextTick(fn: Callback, ...args: unknown[]): void {
    queueMicrotask(() => fn(...args));
  },
};
