//! Packs the largest word lists of `data/entities/` for embedding in the library. The files stay
//! plain text; the packed form drops comment lines and front-codes each entry against the one
//! before it (the lists are sorted), which gzip (the page's wasm is served gzipped) shrinks by a
//! quarter more than the plain text. `crate::data::unpack` reads it back once at start-up.

use std::path::Path;

/// The packed lists (file stems under `data/entities/`); `src/entities/lexicon.rs` names the same.
const PACKED: &[&str] = &[
    "cities",
    "common_words",
    "given_names",
    "regions",
    "surnames",
    "towns",
    "wn_other",
    "wn_people",
    "wn_places",
];

/// Per entry: the length of the prefix it shares with the entry before (one byte, at most 255),
/// the rest of its bytes, and a newline. Entries are the trimmed lines that are neither blank nor
/// `#` comments, as `crate::data::lines` reads them.
fn pack(text: &str) -> Vec<u8> {
    let mut packed = Vec::with_capacity(text.len());
    let mut prev: &[u8] = &[];
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let w = line.as_bytes();
        let k = w.iter().zip(prev).take(255).take_while(|(a, b)| a == b).count();
        packed.push(k as u8);
        packed.extend_from_slice(&w[k..]);
        packed.push(b'\n');
        prev = w;
    }
    packed
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    println!("cargo:rerun-if-changed=build.rs");
    for name in PACKED {
        let src = format!("data/entities/{name}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("reading {src}: {e}"));
        let dst = Path::new(&out).join(format!("{name}.fc"));
        std::fs::write(&dst, pack(&text)).unwrap_or_else(|e| panic!("writing {}: {e}", dst.display()));
    }
}
