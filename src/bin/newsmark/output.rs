//! The output formats of `--format`: which one, checked against the other flags, and each export
//! rendered in it. The formats themselves live in the library (`newsmark::export`).

use crate::Failure;
use newsmark::export::{brat, csv, w3c, Export};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to write for each text.
#[derive(Debug, Clone)]
pub enum Format {
    /// The `newsmark/1` JSON.
    Json {
        /// Indented (one text only).
        pretty: bool,
    },
    /// A W3C Web Annotation collection (JSON-LD).
    W3c {
        /// Indented (one text only).
        pretty: bool,
        /// The target source IRI (one text only; JSONL lines use their `id`).
        source: Option<String>,
    },
    /// brat standoff: the `.ann` on stdout, or `.txt` and `.ann` files in a folder.
    Brat {
        /// The folder to write `NAME.txt` and `NAME.ann` into.
        out: Option<PathBuf>,
    },
    /// One CSV table (the header once, then the rows of every text).
    Csv(csv::Table),
}

/// The flags that choose and shape the output, as given.
#[derive(Default)]
pub struct FormatFlags {
    pub format: Option<String>,
    pub table: Option<String>,
    pub source: Option<String>,
    pub out: Option<String>,
    pub pretty: bool,
}

impl Format {
    /// The format the flags ask for; combinations that make no sense are usage errors.
    pub fn from_flags(f: FormatFlags, jsonl: bool) -> Result<Format, Failure> {
        let name = f.format.as_deref().unwrap_or("json");
        let refuse = |flag: &str, only: &str| Err(Failure::Usage(format!("{flag} is only for {only}")));
        if f.pretty && jsonl {
            return Err(Failure::Usage(
                "--pretty cannot be used with --jsonl: JSONL output is one export per line".into(),
            ));
        }
        if f.table.is_some() && name != "csv" {
            return refuse("--table", "--format csv");
        }
        if f.source.is_some() && name != "w3c" {
            return refuse("--source", "--format w3c");
        }
        if f.out.is_some() && name != "brat" {
            return refuse("--out", "--format brat");
        }
        if f.pretty && !matches!(name, "json" | "w3c") {
            return refuse("--pretty", "--format json and --format w3c");
        }
        match name {
            "json" => Ok(Format::Json { pretty: f.pretty }),
            "w3c" => {
                if jsonl && f.source.is_some() {
                    return Err(Failure::Usage(
                        "--source names one text: with --jsonl each line's source comes from its \"id\" (urn:newsmark:doc:ID)"
                            .into(),
                    ));
                }
                if let Some(s) = &f.source {
                    if !w3c::is_source_iri(s) {
                        return Err(Failure::Usage(format!(
                            "--source {s:?} is not an absolute IRI without a fragment, e.g. https://example.org/news/1"
                        )));
                    }
                }
                Ok(Format::W3c {
                    pretty: f.pretty,
                    source: f.source,
                })
            }
            "brat" => {
                if jsonl && f.out.is_none() {
                    return Err(Failure::Usage(
                        "--format brat with --jsonl writes one .txt and .ann per line: give the folder with --out DIR"
                            .into(),
                    ));
                }
                Ok(Format::Brat {
                    out: f.out.map(PathBuf::from),
                })
            }
            "csv" => match f.table.as_deref() {
                None => Err(Failure::Usage(
                    "--format csv needs --table quotes or --table names".into(),
                )),
                Some(t) => csv::Table::from_name(t)
                    .map(Format::Csv)
                    .ok_or_else(|| Failure::Usage(format!("unknown table {t:?}: the tables are quotes and names"))),
            },
            other => Err(Failure::Usage(format!(
                "unknown format {other:?}: the formats are json, w3c, brat and csv"
            ))),
        }
    }

    /// What goes before the first text: the CSV byte-order mark and header.
    pub fn preamble(&self) -> String {
        match self {
            Format::Csv(table) => format!("{}{}", csv::BOM, table.header()),
            _ => String::new(),
        }
    }

    /// One export in this format. `name` is the brat file name to use when the export has no id.
    pub fn render(&self, export: &Export, name: &str) -> Rendered {
        match self {
            Format::Json { pretty: false } => Rendered::Stdout(export.to_json() + "\n"),
            Format::Json { pretty: true } => Rendered::Stdout(export.to_json_pretty() + "\n"),
            Format::W3c { pretty, source } => {
                let source = source.clone().unwrap_or_else(|| w3c::default_source(export));
                let json = if *pretty {
                    w3c::to_json_pretty(export, &source)
                } else {
                    w3c::to_json(export, &source)
                };
                Rendered::Stdout(json + "\n")
            }
            Format::Brat { out: None } => Rendered::Stdout(brat::to_ann(export)),
            Format::Brat { out: Some(_) } => Rendered::Files {
                name: export.id.as_deref().map(file_name).unwrap_or_else(|| name.to_string()),
                txt: export.text.clone(),
                ann: brat::to_ann(export),
            },
            Format::Csv(table) => Rendered::Stdout(table.rows(export)),
        }
    }
}

/// One text's output.
pub enum Rendered {
    /// Written to standard output.
    Stdout(String),
    /// brat's pair of files, `NAME.txt` and `NAME.ann`.
    Files {
        /// The file name without extension.
        name: String,
        /// The text, exactly as annotated.
        txt: String,
        /// The standoff annotations.
        ann: String,
    },
}

/// Writes rendered outputs, refusing to write two texts to the same brat files.
pub struct Writer<W: Write> {
    out: W,
    folder: Option<PathBuf>,
    names: HashSet<String>,
}

impl<W: Write> Writer<W> {
    /// A writer to `out`, and to `--out` files for brat.
    pub fn new(out: W, format: &Format) -> Result<Self, Failure> {
        let folder = match format {
            Format::Brat { out: Some(dir) } => {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Failure::Run(format!("cannot create the folder {}: {e}", dir.display())))?;
                // brat needs the types declared; a configuration already there is the user's own.
                let conf = dir.join("annotation.conf");
                if !conf.exists() {
                    std::fs::write(&conf, brat::ANNOTATION_CONF)
                        .map_err(|e| Failure::Run(format!("cannot write {}: {e}", conf.display())))?;
                }
                Some(dir.clone())
            }
            _ => None,
        };
        Ok(Writer {
            out,
            folder,
            names: HashSet::new(),
        })
    }

    /// Writes text to standard output.
    pub fn stdout(&mut self, s: &str) -> Result<(), Failure> {
        Ok(self.out.write_all(s.as_bytes())?)
    }

    /// Writes one text's output. `Ok(Err(message))` is a problem with this text alone.
    pub fn write(&mut self, r: Rendered) -> Result<Result<(), String>, Failure> {
        match r {
            Rendered::Stdout(s) => self.stdout(&s).map(Ok),
            Rendered::Files { name, txt, ann } => {
                let Some(folder) = &self.folder else {
                    return Ok(Err("no folder for the brat files".into()));
                };
                if !self.names.insert(name.clone()) {
                    return Ok(Err(format!(
                        "another text was already written as {name}.txt: give every line a different \"id\""
                    )));
                }
                let write = |ext: &str, body: &str| -> Result<(), Failure> {
                    let path = folder.join(format!("{name}.{ext}"));
                    std::fs::write(&path, body)
                        .map_err(|e| Failure::Run(format!("cannot write {}: {e}", path.display())))
                };
                write("txt", &txt)?;
                write("ann", &ann)?;
                Ok(Ok(()))
            }
        }
    }

    /// Flushes standard output.
    pub fn flush(&mut self) -> Result<(), Failure> {
        Ok(self.out.flush()?)
    }
}

/// A document id made safe as a file name: letters, digits, `.`, `-` and `_` kept, anything else
/// (a `/`, a space) becomes `_`, and no leading dot (no hidden files, no `..`).
pub fn file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "_".to_string()
    } else {
        name.to_string()
    }
}

/// The brat name for a single text: the input file's name, or "text" for standard input.
pub fn name_of_input(path: Option<&str>) -> String {
    match path {
        None | Some("-") => "text".to_string(),
        Some(p) => Path::new(p)
            .file_stem()
            .and_then(|s| s.to_str())
            .map(file_name)
            .unwrap_or_else(|| "text".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_safe_file_names() {
        assert_eq!(file_name("bbc/business/001"), "bbc_business_001");
        assert_eq!(file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_name("..."), "_");
        assert_eq!(file_name("Zoé 1"), "Zoé_1");
    }
}
