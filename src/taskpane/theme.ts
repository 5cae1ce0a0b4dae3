import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark" | "highContrast";

/** The colours Office reports for its current theme (a subset of Office.OfficeTheme). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** Relative luminance (0 black … 1 white) of "#rrggbb"; null when the text is not a colour. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Office's theme → ours: forced colours mean high contrast; a dark body background means dark. */
export function themeKindFor(
  office: OfficeThemeColors | undefined,
  forcedColors: boolean,
  prefersDark = false,
): ThemeKind {
  if (forcedColors) return "highContrast";
  if (!office) return prefersDark ? "dark" : "light";
  const bg = luminance(office.bodyBackgroundColor);
  const fg = luminance(office.bodyForegroundColor);
  // Office's high-contrast themes paint pure black behind pure white/yellow text.
  if (bg === 0 && fg !== null && fg > 0.7) return "highContrast";
  if (bg !== null) return bg < 0.4 ? "dark" : "light";
  return office.isDarkTheme ? "dark" : "light";
}

export function themeFor(kind: ThemeKind): Theme {
  return kind === "dark" ? webDarkTheme : kind === "highContrast" ? teamsHighContrastTheme : webLightTheme;
}

/** True when a media query matches (false where matchMedia is unavailable). */
export function mediaMatches(query: string): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}
