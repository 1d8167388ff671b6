//! Reading the plain-text data tables in `data/` (embedded with `include_str!`).

/// The entries of a one-entry-per-line table: trimmed, skipping blank lines and `#` comments.
pub fn lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a tab-separated table (`key<TAB>value...`), as field vectors.
pub fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(table).map(|l| l.split('\t').map(str::trim).collect())
}
