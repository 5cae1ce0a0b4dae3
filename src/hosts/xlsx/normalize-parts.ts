/**
 * Makes the parts of a workbook written by another producer readable by exceljs, which (like our own
 * regex readers) matches literal tag names: WPS and the OpenXML SDK may bind the SpreadsheetML main
 * namespace to a prefix (`<x:worksheet xmlns:x="…/main">`), which is the same XML but other text.
 * Also finds the formula cells that carry no cached value (see docs/xlsx-round-trip.md, "Other producers").
 *
 * String-level and namespace-aware; no DOM, no node: imports: this runs in the browser too.
 */
import type JSZip from "jszip";
import type { CellRef } from "../../engine";
import { toA1 } from "../../engine";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

const ENTITY: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITY[e] ?? "";
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Comments, CDATA, processing instructions and DOCTYPE pass through; end tags; start tags (attribute values may hold `>`).
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g;

type Scope = ReadonlyMap<string, string>;

interface Frame {
  readonly name: string;
  readonly inScope: Scope;
  readonly outScope: Scope;
}

function splitName(qname: string): { prefix: string; local: string } {
  const i = qname.indexOf(":");
  return i < 0 ? { prefix: "", local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

/**
 * Rewrites a part so that the elements of namespace `uri` use the default namespace (no prefix), whatever
 * prefix the producer bound it to. Other namespaces keep their prefixes (`r:id`, `mc:Ignorable="x14ac"`).
 * Where the producer's default namespace was another one, its elements get a fresh prefix; attributes
 * prefixed with the rewritten prefix lose it (SpreadsheetML attributes are unqualified). A part that
 * binds `uri` to no prefix is returned unchanged (the same string).
 */
export function unprefixNamespace(xml: string, uri: string): string {
  const bound = new RegExp(`xmlns:[^\\s=]+\\s*=\\s*(["'])${escapeRe(uri)}\\1`);
  if (!bound.test(xml)) return xml;

  const used = new Set([...xml.matchAll(/xmlns:([^\s=]+)\s*=/g)].map((m) => m[1]!));
  const fresh = new Map<string, string>();
  const prefixFor = (ns: string): string => {
    let p = fresh.get(ns);
    if (p === undefined) {
      let i = fresh.size;
      while (used.has(`ns${i}`)) i++;
      p = `ns${i}`;
      used.add(p);
      fresh.set(ns, p);
    }
    return p;
  };

  const root: Frame = {
    name: "",
    inScope: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]),
    outScope: new Map(),
  };
  const stack: Frame[] = [root];
  let out = "";
  let last = 0;
  for (const m of xml.matchAll(TOKEN)) {
    out += xml.slice(last, m.index);
    last = m.index + m[0].length;
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) {
      // An end tag: the name this element was written with.
      out += `</${top === root ? m[1] : top.name}>`;
      if (stack.length > 1) stack.pop();
      continue;
    }
    if (m[2] === undefined) {
      out += m[0];
      continue;
    }
    const attrs = [...(m[3] ?? "").matchAll(ATTR)].map((a) => ({ name: a[1]!, quoted: a[2]! }));
    let inScope: Map<string, string> | Scope = top.inScope;
    for (const a of attrs) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
        if (inScope === top.inScope) inScope = new Map(top.inScope);
        (inScope as Map<string, string>).set(
          a.name === "xmlns" ? "" : a.name.slice(6),
          decodeXml(a.quoted.slice(1, -1)),
        );
      }
    }
    let outScope: Map<string, string> | Scope = top.outScope;
    /** The declaration a binding needs in the output, or "" when the output scope already has it. */
    const ensure = (prefix: string, ns: string): string => {
      if (outScope.get(prefix) === ns || (prefix === "" && ns === "" && !outScope.has(""))) return "";
      if (outScope === top.outScope) outScope = new Map(top.outScope);
      (outScope as Map<string, string>).set(prefix, ns);
      return prefix === "" ? ` xmlns="${ns}"` : ` xmlns:${prefix}="${ns}"`;
    };

    const el = splitName(m[2]);
    const elNs = inScope.get(el.prefix);
    let name = m[2];
    // The element's own declaration takes the place of the first declaration dropped (attribute order kept).
    let pending = "";
    if (elNs === uri) {
      name = el.local;
      pending = ensure("", uri);
    } else if (el.prefix === "") {
      const ns = elNs ?? "";
      if (ns === "") pending = ensure("", "");
      else {
        name = `${prefixFor(ns)}:${el.local}`;
        pending = ensure(prefixFor(ns), ns);
      }
    }

    const kept: string[] = [];
    const unqualified = new Set(attrs.filter((a) => !a.name.includes(":")).map((a) => a.name));
    for (const a of attrs) {
      const declared = a.name === "xmlns" ? "" : a.name.startsWith("xmlns:") ? a.name.slice(6) : null;
      if (declared === "" || (declared !== null && inScope.get(declared) === uri)) {
        kept.push(pending);
        pending = "";
        continue;
      }
      if (declared !== null) {
        kept.push(ensure(declared, inScope.get(declared)!));
        continue;
      }
      const at = splitName(a.name);
      if (at.prefix !== "" && inScope.get(at.prefix) === uri) {
        if (!unqualified.has(at.local)) kept.push(` ${at.local}=${a.quoted}`);
        continue;
      }
      kept.push(` ${a.name}=${a.quoted}`);
    }
    const selfClosing = m[4] === "/";
    out += `<${name}${pending}${kept.join("")}${selfClosing ? "/>" : ">"}`;
    if (!selfClosing) stack.push({ name, inScope, outScope });
  }
  return out + xml.slice(last);
}

/** The namespace a part's elements must use unprefixed for exceljs, or null for a part it does not parse. */
export function namespaceOfPart(path: string): string | null {
  if (path === "[Content_Types].xml") return CONTENT_TYPES_NS;
  if (path.endsWith(".rels")) return PACKAGE_RELATIONSHIPS_NS;
  if (path.startsWith("xl/") && path.endsWith(".xml")) return MAIN_NS;
  return null;
}

export interface NormalizedPackage {
  /** Whether any part was rewritten (the zip then holds the rewritten parts). */
  readonly changed: boolean;
  /** The text of every part that was read, after normalising, by path. */
  readonly parts: ReadonlyMap<string, string>;
}

/** Rewrites, inside the zip, every part whose SpreadsheetML (or package) namespace is bound to a prefix. */
export async function normalizePackage(zip: JSZip): Promise<NormalizedPackage> {
  const parts = new Map<string, string>();
  let changed = false;
  const files = Object.values(zip.files).filter((f) => !f.dir && namespaceOfPart(f.name) !== null);
  // Every part is unzipped once more than exceljs does itself (a few ms for a template); in parallel, JSZip's
  // scheduling overlaps.
  const texts = await Promise.all(files.map((f) => f.async("string")));
  files.forEach((f, i) => {
    const text = texts[i]!;
    const fixed = unprefixNamespace(text, namespaceOfPart(f.name)!);
    if (fixed !== text) {
      zip.file(f.name, fixed);
      changed = true;
    }
    parts.set(f.name, fixed);
  });
  return { changed, parts };
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

/** Resolves a relationship target of xl/workbook.xml to a part path ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
function resolveTarget(target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

export interface SheetPart {
  readonly name: string;
  readonly visible: boolean;
  readonly path: string;
}

/** The worksheets of xl/workbook.xml with their part paths (through xl/_rels/workbook.xml.rels). */
export function sheetParts(parts: ReadonlyMap<string, string>): SheetPart[] {
  const workbookXml = parts.get("xl/workbook.xml") ?? "";
  const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (id !== undefined && target !== undefined) targets.set(id, resolveTarget(target));
  }
  const out: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const attrs = m[1]!;
    const name = attr(attrs, "name");
    const id = /\s[^\s=:]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    const path = id ? targets.get(decodeXml(id[1] ?? id[2] ?? "")) : undefined;
    if (name === undefined || path === undefined) continue;
    const state = attr(attrs, "state");
    out.push({ name, path, visible: state === undefined || state === "visible" });
  }
  return out;
}

const HAS_FORMULA = /<f[\s>/]/;
const ROW_OR_CELL = /<row\b([^>]*)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * The A1 addresses of a worksheet's formula cells that have no `<v>` (cached value). `<v></v>` is a
 * cached empty text (`=IF(…,"",…)`) and counts as a value. Cells without an `r` follow the previous one.
 */
export function formulasWithoutValue(sheetXml: string): string[] {
  if (!HAS_FORMULA.test(sheetXml)) return [];
  const out: string[] = [];
  let row = -1;
  let col = -1;
  for (const m of sheetXml.matchAll(ROW_OR_CELL)) {
    if (m[1] !== undefined) {
      const r = attr(m[1], "r");
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    const ref = /^([A-Za-z]{1,3})(\d+)$/.exec(attr(m[2] ?? "", "r") ?? "");
    if (ref) {
      col = columnIndex(ref[1]!);
      row = Number(ref[2]) - 1;
    } else col++;
    const inner = m[3] ?? "";
    if (HAS_FORMULA.test(inner) && !/<v[\s>/]/.test(inner)) out.push(toA1({ row, col }));
  }
  return out;
}

/** The formula cells without a cached value on the visible worksheets, in sheet order. */
export function visibleFormulasWithoutValue(parts: ReadonlyMap<string, string>): CellRef[] {
  const out: CellRef[] = [];
  for (const sheet of sheetParts(parts)) {
    if (!sheet.visible) continue;
    for (const address of formulasWithoutValue(parts.get(sheet.path) ?? "")) out.push({ sheet: sheet.name, address });
  }
  return out;
}
