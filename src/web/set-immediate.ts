// Stands in for the `setimmediate` polyfill in the browser bundle (webpack resolve.alias): jszip only needs
// setImmediate(fn) to run fn in a later task, and the polyfill would bring code built from strings (new Function).
type Callback = (...args: unknown[]) => void;

const g = globalThis as { setImmediate?: (fn: Callback, ...args: unknown[]) => void };

if (typeof g.setImmediate !== "function") {
  const queue: (() => void)[] = [];
  const channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
  if (channel) channel.port1.onmessage = () => queue.shift()?.();
  g.setImmediate = (fn, ...args) => {
    const run = () => fn(...args);
    if (!channel) {
      setTimeout(run, 0);
      return;
    }
    queue.push(run);
    channel.port2.postMessage(0);
  };
}

export {};
