export { renderDocx } from "./docx";
