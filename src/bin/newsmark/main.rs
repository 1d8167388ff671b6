//! The newsmark command line: annotate one text, or a JSONL batch, and print the `newsmark/1` export.

mod input;
mod output;
mod parallel;

use input::{Bounded, NextLine, MAX_LINE_BYTES};
use newsmark::export::Export;
use newsmark::{annotate_to_export, Layers, Options, MAX_TEXT_BYTES};
use output::{Format, FormatFlags, Writer};
use std::io::{self, BufRead, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;

const USAGE: &str = "\
newsmark: find quotes (and speakers), named entities and dates in news text.

Usage:
  newsmark annotate [FILE|-] [--date YYYY-MM-DD] [--layers LIST] [FORMAT] [--pretty]
      Annotate one text (a file, or standard input when FILE is - or absent) and print the
      newsmark/1 JSON export. --date sets the article's date (otherwise detected from the text).
      --layers reports only some layers, e.g. --layers dates or --layers entities,quotes.
  newsmark annotate --jsonl [FILE|-] [--date YYYY-MM-DD] [--layers LIST] [FORMAT] [--jobs N]
      Annotate one document per input line: {\"id\"?: string, \"text\": string, \"dct\"?: \"YYYY-MM-DD\"}.
      Prints one export per line with \"id\" copied, in input order, on N threads (default: every
      core). Bad lines are reported on stderr and skipped; the exit status is 1 if any line failed.
  newsmark --help | --version

Formats (docs/exports.md):
  --format json                 the newsmark/1 JSON (the default)
  --format w3c [--source IRI]   W3C Web Annotations (JSON-LD); IRI names the text (default
                                urn:newsmark:text, or urn:newsmark:doc:ID for JSONL lines)
  --format brat [--out DIR]     brat standoff: the .ann on stdout, or DIR/NAME.txt and DIR/NAME.ann
                                (NAME: the input file's name, or each JSONL line's id; --jsonl needs --out)
  --format csv --table quotes|names
                                one CSV table (UTF-8 with BOM): the header once, then every text's rows
";

/// Why a run stopped early.
enum Failure {
    /// The command line itself is wrong: the message, then the usage.
    Usage(String),
    /// Something in the input or the system: one line saying what and what to do.
    Run(String),
    /// The reader of our output went away (`| head`): nothing more to say.
    ClosedPipe,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedPipe
        } else {
            Failure::Run(format!("cannot write the output: {e}"))
        }
    }
}

#[derive(Default)]
struct Args {
    input: Option<String>,
    date: Option<String>,
    layers: Option<String>,
    jobs: Option<String>,
    jsonl: bool,
    format: FormatFlags,
}

fn set_once(slot: &mut Option<String>, flag: &str, value: Option<String>) -> Result<(), Failure> {
    let value = value.ok_or_else(|| Failure::Usage(format!("{flag} needs a value")))?;
    if slot.replace(value).is_some() {
        return Err(Failure::Usage(format!("{flag} is given twice: give it once")));
    }
    Ok(())
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, Failure> {
    match argv.next().as_deref() {
        Some("annotate") => {}
        Some(other) => {
            return Err(Failure::Usage(format!(
                "unknown command {other:?}: the command is `newsmark annotate`"
            )))
        }
        None => {
            return Err(Failure::Usage(
                "missing command: the command is `newsmark annotate`".into(),
            ))
        }
    }
    let mut args = Args::default();
    while let Some(a) = argv.next() {
        // `--flag=value` and `--flag value` alike.
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let slot = match flag.as_str() {
            "--date" => &mut args.date,
            "--layers" => &mut args.layers,
            "--jobs" => &mut args.jobs,
            "--format" => &mut args.format.format,
            "--table" => &mut args.format.table,
            "--source" => &mut args.format.source,
            "--out" => &mut args.format.out,
            "--pretty" | "--jsonl" if inline.is_none() => {
                if flag == "--pretty" {
                    args.format.pretty = true;
                } else {
                    args.jsonl = true;
                }
                continue;
            }
            s if s.starts_with("--") => return Err(Failure::Usage(format!("unknown option {a:?}"))),
            _ => {
                if args.input.replace(a).is_some() {
                    return Err(Failure::Usage("give at most one input file".into()));
                }
                continue;
            }
        };
        let value = inline.or_else(|| argv.next());
        set_once(slot, &flag, value)?;
    }
    if args.jobs.is_some() && !args.jsonl {
        return Err(Failure::Usage(
            "--jobs is for --jsonl batches: one text is annotated on one core".into(),
        ));
    }
    Ok(args)
}

/// The number of threads for `--jsonl`: `--jobs N`, or every core.
fn jobs(args: &Args) -> Result<NonZeroUsize, Failure> {
    match &args.jobs {
        None => Ok(std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)),
        Some(n) => n
            .parse::<NonZeroUsize>()
            .map_err(|_| Failure::Usage(format!("--jobs {n:?} is not a whole number of at least 1"))),
    }
}

fn open(path: Option<&str>) -> Result<Box<dyn BufRead + Send>, Failure> {
    match path {
        None | Some("-") => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(p) => std::fs::File::open(p)
            .map(|f| Box::new(io::BufReader::new(f)) as Box<dyn BufRead + Send>)
            .map_err(|e| Failure::Run(format!("cannot read {p}: {e}"))),
    }
}

fn as_text(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(input::strip_bom(bytes))
        .map_err(|e| newsmark::Error::NotText { at: e.valid_up_to() }.to_string())
}

/// One JSONL document, checked field by field so the message names the field, not a type.
fn annotate_line(line: &str, default: &Options) -> Result<Export, String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    let serde_json::Value::Object(mut doc) = value else {
        return Err(format!(
            "expected a JSON object such as {{\"id\": \"a1\", \"text\": \"…\"}}, found {}",
            kind_of(&value)
        ));
    };
    let text = match doc.remove("text") {
        Some(serde_json::Value::String(t)) => t,
        Some(other) => return Err(format!("\"text\" must be a string, found {}", kind_of(&other))),
        None => return Err("the object has no \"text\" field: add the article as \"text\"".into()),
    };
    let options = match doc.remove("dct") {
        None | Some(serde_json::Value::Null) => default.clone(),
        Some(serde_json::Value::String(d)) => Options {
            layers: default.layers,
            ..Options::with_document_date(&d).map_err(|e| e.to_string())?
        },
        Some(other) => {
            return Err(format!(
                "\"dct\" must be a YYYY-MM-DD string, found {}",
                kind_of(&other)
            ))
        }
    };
    let mut export = annotate_to_export(&text, &options).map_err(|e| e.to_string())?;
    export.id = doc.remove("id").map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(export)
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn options(args: &Args) -> Result<Options, Failure> {
    let mut options = match &args.date {
        Some(d) => Options::with_document_date(d).map_err(|e| Failure::Run(e.to_string()))?,
        None => Options::default(),
    };
    if let Some(list) = &args.layers {
        options.layers = Layers::from_names(list.split(',')).map_err(|e| Failure::Run(e.to_string()))?;
    }
    Ok(options)
}

/// The input lines, numbered from 1, each within the line bound; an over-long line ends them.
fn lines(mut reader: impl BufRead) -> impl Iterator<Item = Result<(usize, Vec<u8>), Failure>> {
    let mut n = 0;
    let mut stopped = false;
    std::iter::from_fn(move || {
        if stopped {
            return None;
        }
        n += 1;
        let next = match input::next_line(&mut reader, MAX_LINE_BYTES) {
            Err(e) => Err(Failure::Run(format!("cannot read the input: {e}"))),
            Ok(NextLine::End) => return None,
            Ok(NextLine::TooLong) => Err(Failure::Run(format!(
                "line {n} is longer than {} MB, the most one document may take: split it; stopped reading here",
                MAX_LINE_BYTES / 1_000_000
            ))),
            Ok(NextLine::Line(l)) => Ok((n, l)),
        };
        stopped = next.is_err();
        Some(next)
    })
}

/// Annotates every line on `jobs` threads, writing in input order; `Ok(false)` when some line
/// failed (each is reported on stderr, in order).
fn run_jsonl(
    args: &Args,
    jobs: NonZeroUsize,
    options: &Options,
    format: &Format,
    out: &mut Writer<impl Write>,
) -> Result<bool, Failure> {
    let reader = open(args.input.as_deref())?;
    out.stdout(&format.preamble())?;
    let mut all_ok = true;
    let work = |(n, line): (usize, Vec<u8>)| {
        let result = as_text(&line).and_then(|l| {
            if l.trim().is_empty() {
                Ok(None)
            } else {
                annotate_line(l, options).map(|e| Some(format.render(&e, &format!("line-{n}"))))
            }
        });
        (n, result)
    };
    parallel::map_in_order(jobs, lines(reader), work, |(n, result)| {
        let problem = match result {
            Ok(Some(rendered)) => out.write(rendered)?.err(),
            Ok(None) => None,
            Err(e) => Some(e),
        };
        if let Some(e) = problem {
            all_ok = false;
            eprintln!("newsmark: line {n}: {e}; skipped");
        }
        Ok(())
    })?;
    Ok(all_ok)
}

fn run_text(args: &Args, options: &Options, format: &Format, out: &mut Writer<impl Write>) -> Result<bool, Failure> {
    let reader = open(args.input.as_deref())?;
    let bytes = match input::read_bounded(reader, MAX_TEXT_BYTES + 3)
        .map_err(|e| Failure::Run(format!("cannot read the input: {e}")))?
    {
        Bounded::Whole(b) => b,
        Bounded::TooLarge => {
            return Err(Failure::Run(format!(
                "the input is more than {} MB, the most newsmark annotates at once: split it into smaller parts",
                MAX_TEXT_BYTES / 1_000_000
            )))
        }
    };
    let text = as_text(&bytes).map_err(Failure::Run)?;
    let export = annotate_to_export(text, options).map_err(|e| Failure::Run(e.to_string()))?;
    out.stdout(&format.preamble())?;
    out.write(format.render(&export, &output::name_of_input(args.input.as_deref())))?
        .map_err(Failure::Run)?;
    Ok(true)
}

fn run(mut args: Args) -> Result<bool, Failure> {
    let format = Format::from_flags(std::mem::take(&mut args.format), args.jsonl)?;
    let jobs = jobs(&args)?;
    let options = options(&args)?;
    let stdout = io::stdout();
    let mut out = Writer::new(io::BufWriter::new(stdout.lock()), &format)?;
    let ok = if args.jsonl {
        run_jsonl(&args, jobs, &options, &format, &mut out)?
    } else {
        run_text(&args, &options, &format, &mut out)?
    };
    out.flush()?;
    Ok(ok)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if argv.iter().any(|a| a == "--version") {
        println!("newsmark {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    match parse_args(argv.into_iter()).and_then(run) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(e)) => {
            eprintln!("newsmark: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Run(e)) => {
            eprintln!("newsmark: {e}");
            ExitCode::FAILURE
        }
    }
}
