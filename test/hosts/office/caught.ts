import { HostError } from "../../../src/hosts/common";

/** The HostError a host call rejects with; any other rejection, or none, fails the test. */
export async function caught(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error("expected a HostError");
}
