/** Folds case and accents so that "Mérida", "MERIDA" and "merida" compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The sort key for node lists: folded name, then id, so order is stable across stores. */
export function sortKey(name: string): string {
  return foldText(name).trim();
}
