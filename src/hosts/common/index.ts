/** What every host shares: the host contract, marks planning and the local clock. */
export * from "./local-time";
export * from "./marks";
export * from "./types";
export * from "./host-messages";
