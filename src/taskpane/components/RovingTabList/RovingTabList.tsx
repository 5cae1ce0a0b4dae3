import { Tab, TabList } from "@fluentui/react-components";
import type { TabListProps } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";

export interface RovingTab {
  readonly value: string;
  readonly label: string;
  readonly id?: string;
}

export interface RovingTabListProps extends Pick<TabListProps, "size" | "className"> {
  readonly label: string;
  readonly tabs: readonly RovingTab[];
  readonly selected: string;
  readonly onSelect: (value: string) => void;
}

/** The tab a key moves the focus to, from tab `i` of `n` (circular, as Fluent's TabList); null for other keys. */
export function nextTabIndex(key: string, i: number, n: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (i + 1) % n;
    case "ArrowLeft":
      return (i - 1 + n) % n;
    case "Home":
      return 0;
    case "End":
      return n - 1;
    default:
      return null;
  }
}

/**
 * Fluent's TabList with a roving tabindex of its own instead of Tabster's arrow-key mover. The mover puts two
 * focusable `<i aria-hidden="true" tabindex="0">` dummy inputs into every tab list (by design in Fluent,
 * microsoft/fluentui#27517), which axe reports as `aria-hidden-focus` (serious): with `data-tabster` cleared the
 * list has none. One tab stop, the selected tab; ←/→ (circular), Home and End move the focus; Enter, Space or a
 * click selects, as before.
 */
export function RovingTabList({ label, tabs, selected, onSelect, ...rest }: RovingTabListProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
    const i = buttons.indexOf(e.target as HTMLElement);
    const next = i < 0 ? null : nextTabIndex(e.key, i, buttons.length);
    if (next === null) return;
    e.preventDefault();
    buttons[next]!.focus();
  };
  return (
    <TabList
      {...rest}
      aria-label={label}
      selectedValue={selected}
      onTabSelect={(_, data) => onSelect(String(data.value))}
      onKeyDown={onKeyDown}
      data-tabster={undefined}
    >
      {tabs.map((tab) => (
        <Tab
          key={tab.value}
          value={tab.value}
          id={tab.id}
          tabIndex={tab.value === selected ? 0 : -1}
          data-tabster={undefined}
        >
          {tab.label}
        </Tab>
      ))}
    </TabList>
  );
}
