// People become roles (`human-1`, `investigator-1`), consistently: the same person gets the same role
// everywhere in one export, so the story stays readable without naming anyone.

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export class PeopleMap {
  private readonly roles = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  /** Names to search for in free text, longest first so `alice@example.com` wins over `alice`. */
  private patterns: { re: RegExp; role: string }[] = [];

  /** Registers a person (an email, a username, a display name) under a role prefix. */
  add(name: string, prefix: 'human' | 'investigator'): string {
    const key = name.trim().toLowerCase();
    if (!key) return name;
    const known = this.roles.get(key);
    if (known) return known;
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const role = `${prefix}-${n}`;
    this.roles.set(key, role);
    const local = key.includes('@') ? key.split('@')[0] : '';
    // The local part of an email is usually the person's name as written in notes ("alice scaled it").
    if (local.length >= 3 && /^[a-z][a-z.'-]*$/.test(local) && !this.roles.has(local)) this.roles.set(local, role);
    this.rebuild();
    return role;
  }

  get count(): number {
    return new Set(this.roles.values()).size;
  }

  /** The role for an exact name, if known. */
  roleOf(name: string): string | undefined {
    return this.roles.get(name.trim().toLowerCase());
  }

  /** Replaces known names and any email address (unknown ones become new humans) in free text. */
  replaceIn(text: string): string {
    let out = text;
    for (const { re, role } of this.patterns) out = out.replace(re, role);
    return out.replace(EMAIL, (m) => this.add(m, 'human'));
  }

  private rebuild(): void {
    const names = [...this.roles.keys()].filter((k) => k.length >= 3).sort((a, b) => b.length - a.length);
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.patterns = names.map((n) => ({ re: new RegExp(`(?<![A-Za-z0-9._%+-])${esc(n)}(?![A-Za-z0-9_-]|\\.[A-Za-z])`, 'gi'), role: this.roles.get(n)! }));
  }
}
