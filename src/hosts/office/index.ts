export { createOfficeHost } from "./office-host";
