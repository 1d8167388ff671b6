//! The newsmark command line: annotate one text, or a JSONL batch, and print the `newsmark/1` export.

use newsmark::{annotate_to_export, Error, Layers, Options};
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
newsmark: find quotes (and speakers), named entities and dates in news text.

Usage:
  newsmark annotate [FILE|-] [--date YYYY-MM-DD] [--layers LIST] [--pretty]
      Annotate one text (a file, or standard input when FILE is - or absent) and print the
      newsmark/1 JSON export. --date sets the article's date (otherwise detected from the text).
      --layers reports only some layers, e.g. --layers dates or --layers entities,quotes.
  newsmark annotate --jsonl [FILE|-] [--date YYYY-MM-DD] [--layers LIST]
      Annotate one document per input line: {\"id\"?: string, \"text\": string, \"dct\"?: \"YYYY-MM-DD\"}.
      Prints one export per line with \"id\" copied. Bad lines are reported on stderr and skipped;
      the exit status is 1 if any line failed.
  newsmark --help | --version
";

struct Args {
    input: Option<String>,
    date: Option<String>,
    layers: Option<String>,
    pretty: bool,
    jsonl: bool,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Args, String> {
    match argv.next().as_deref() {
        Some("annotate") => {}
        Some(other) => return Err(format!("unknown command {other:?}: the command is `newsmark annotate`")),
        None => return Err("missing command: the command is `newsmark annotate`".into()),
    }
    let mut args = Args {
        input: None,
        date: None,
        layers: None,
        pretty: false,
        jsonl: false,
    };
    while let Some(a) = argv.next() {
        match a.as_str() {
            "--pretty" => args.pretty = true,
            "--jsonl" => args.jsonl = true,
            "--date" => args.date = Some(argv.next().ok_or("--date needs a value: --date YYYY-MM-DD")?),
            "--layers" => args.layers = Some(argv.next().ok_or("--layers needs a value: --layers dates,quotes")?),
            s if s.starts_with("--date=") => args.date = Some(s["--date=".len()..].to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            s => {
                if args.input.replace(s.to_string()).is_some() {
                    return Err("give at most one input file".into());
                }
            }
        }
    }
    Ok(args)
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match path {
        None | Some("-") => std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| format!("cannot read standard input: {e}")),
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}")),
    }
}

fn as_text(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        at: e.utf8_error().valid_up_to(),
    })
}

#[derive(serde::Deserialize)]
struct JsonlInput {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

fn annotate_line(line: &str, default: &Options) -> Result<String, String> {
    let input: JsonlInput =
        serde_json::from_str(line).map_err(|e| format!("not a JSON object with a \"text\" string: {e}"))?;
    let options = match input.dct.as_deref() {
        Some(d) => Options {
            layers: default.layers,
            ..Options::with_document_date(d).map_err(|e| e.to_string())?
        },
        None => default.clone(),
    };
    let mut export = annotate_to_export(&input.text, &options).map_err(|e| e.to_string())?;
    export.id = input.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(export.to_json())
}

fn run(args: Args) -> Result<bool, String> {
    let mut options = match &args.date {
        Some(d) => Options::with_document_date(d).map_err(|e| e.to_string())?,
        None => Options::default(),
    };
    if let Some(list) = &args.layers {
        options.layers = Layers::from_names(list.split(',')).map_err(|e| e.to_string())?;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.jsonl {
        let reader: Box<dyn BufRead> = match args.input.as_deref() {
            None | Some("-") => Box::new(std::io::BufReader::new(std::io::stdin())),
            Some(p) => Box::new(std::io::BufReader::new(
                std::fs::File::open(p).map_err(|e| format!("cannot read {p}: {e}"))?,
            )),
        };
        let mut all_ok = true;
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("cannot read input: {e}"))?;
            let result = as_text(line).map_err(|e| e.to_string()).and_then(|l| {
                if l.trim().is_empty() {
                    Ok(None)
                } else {
                    annotate_line(&l, &options).map(Some)
                }
            });
            match result {
                Ok(Some(json)) => writeln!(out, "{json}").map_err(|e| e.to_string())?,
                Ok(None) => {}
                Err(e) => {
                    all_ok = false;
                    eprintln!("newsmark: line {}: {e}; skipped", n + 1);
                }
            }
        }
        out.flush().map_err(|e| e.to_string())?;
        return Ok(all_ok);
    }
    let text = as_text(read_input(args.input.as_deref())?).map_err(|e| e.to_string())?;
    let export = annotate_to_export(&text, &options).map_err(|e| e.to_string())?;
    let json = if args.pretty {
        export.to_json_pretty()
    } else {
        export.to_json()
    };
    writeln!(out, "{json}").map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(true)
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
        Err(e) => {
            eprintln!("newsmark: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
