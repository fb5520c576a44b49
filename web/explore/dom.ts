// Small DOM helpers: the explorer builds its views with these, no framework.

type Child = Node | string | number | null | undefined | false;
type Attr = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * Creates an element: `on*` attributes become listeners, `true` sets a boolean attribute,
 * `false`/null/undefined leave it out; text children are escaped (they become text nodes).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Array<Child | Child[]>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces everything inside `parent`. */
export function replace(parent: Element, ...children: Array<Child | Child[]>): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A citation as the deck gives it: "source title, slide N". */
export function citation(c: { slide: number; source: { name: string } }): string {
  return `${c.source.name}, slide ${c.slide}`;
}

/** "from 2021-10 to 2022" / "from 2021-10" / "until 2020" / "" for an undated fact. */
export function validity(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return `from ${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return '';
}

/** A status line (loading, empty, error) announced to screen readers. */
export function status(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `status status-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
