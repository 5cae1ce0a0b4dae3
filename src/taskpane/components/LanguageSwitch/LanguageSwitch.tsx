import { Button } from "@fluentui/react-components";
import type { Lang } from "../../../engine";
import { useI18n } from "../../i18n";
import { useLanguageSwitchStyles } from "./useLanguageSwitchStyles";

// Each language named in itself, so whoever cannot read the current one still finds theirs.
const LANGS: readonly { readonly lang: Lang; readonly label: string }[] = [
  { lang: "zh-CN", label: "中文" },
  { lang: "en", label: "English" },
];

/** 中文 / English: always visible where the surface can switch; the choice is remembered. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const styles = useLanguageSwitchStyles();
  if (!setLang) return null;
  return (
    <div role="group" aria-label={t.language} className={styles.root}>
      {LANGS.map((l) => (
        <Button
          key={l.lang}
          size="small"
          appearance={l.lang === lang ? "outline" : "transparent"}
          aria-pressed={l.lang === lang}
          lang={l.lang}
          className={l.lang === lang ? styles.current : styles.other}
          onClick={() => l.lang !== lang && setLang(l.lang)}
        >
          {l.label}
        </Button>
      ))}
    </div>
  );
}
