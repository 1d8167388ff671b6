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

/// Unpacks a list packed by `build.rs` (per entry: the length of the prefix shared with the entry
/// before, one byte; the rest; a newline) into a plain table of one entry per line.
pub fn unpack(packed: &[u8]) -> String {
    let mut out = Vec::with_capacity(packed.len() * 2);
    let mut entry: Vec<u8> = Vec::with_capacity(64);
    let mut rest = packed;
    while let Some((&k, tail)) = rest.split_first() {
        let end = tail.iter().position(|&b| b == b'\n').unwrap_or(tail.len());
        entry.truncate(usize::from(k));
        entry.extend_from_slice(&tail[..end]);
        out.extend_from_slice(&entry);
        out.push(b'\n');
        rest = tail.get(end + 1..).unwrap_or(&[]);
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn packed_lists_unpack_to_their_entries() {
        // "Aaron", "Aarons" (shares 5 bytes), "Zoë" (shares none; a multi-byte letter).
        let packed = b"\x00Aaron\n\x05s\n\x00Zo\xc3\xab\n";
        assert_eq!(super::unpack(packed), "Aaron\nAarons\nZo\u{eb}\n");
        assert_eq!(super::unpack(b""), "");
    }
}
