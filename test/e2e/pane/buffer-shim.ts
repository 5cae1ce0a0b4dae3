/** The one use of Node's Buffer in the fake Excel (payload sizes), in the browser: injected by esbuild, not global. */
export const Buffer = {
  byteLength: (text: string): number => new TextEncoder().encode(text).length,
};
