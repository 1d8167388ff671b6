//! Trains the entity tagger from CoNLL-style JSONL (`{"text", "entities": [{start, end, label}]}`,
//! code-point offsets) and writes the quantised weights that `src/entities` embeds.
//!
//! `cargo run --release --bin train-entities -- TRAIN.jsonl [TRAIN2.jsonl ...] [--dev DEV.jsonl]
//!  [--epochs N] [--bits B] [--prune P] [--dropout P] [--seed N] [--out data/entities/model.bin]
//!  [--predict GOLD.jsonl OUT.jsonl ...]`
//!
//! Several training files are read as one corpus (name a file twice to weigh it double).
//! `--predict` runs the whole entity layer (tagger and document rules) with the new weights over
//! a gold file and writes its entities in the `newsmark/1` export shape, for `score.py`, without
//! rebuilding the CLI. `train-entities --words < DOCS.jsonl` prints the texts' tokens instead (one
//! sentence a line, tokens separated by spaces, as the tagger sees them): the input of
//! `tools/build_clusters.py`. The command that rebuilds the shipped weights is in `tools/train.sh`.

use newsmark::export::Export;
use newsmark::internals::train::{self, Example, Trainer};
use newsmark::internals::{Class, Document, EntityRecognizer, Lexicons};
use newsmark::Annotations;
use std::io::{BufRead, Write};

fn read_jsonl(path: &str) -> Result<Vec<serde_json::Value>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?);
    }
    Ok(out)
}

fn load(path: &str, lex: &Lexicons) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    let mut missed = 0;
    let mut total = 0;
    for (n, v) in read_jsonl(path)?.iter().enumerate() {
        let text = v["text"].as_str().ok_or(format!("{path}:{}: no text", n + 1))?;
        let mut spans = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let (Some(s), Some(t), Some(c)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                e["label"].as_str().and_then(Class::from_conll),
            ) else {
                continue;
            };
            spans.push((s as usize, t as usize, c));
        }
        total += spans.len();
        let (ex, m) = train::example(lex, text, &spans);
        missed += m;
        out.push(ex);
    }
    eprintln!(
        "{path}: {} documents, {total} entities, {missed} not on token boundaries",
        out.len()
    );
    Ok(out)
}

/// Writes the entities `rec` finds in every document of `gold` to `out`, one export a line.
fn predict(rec: &EntityRecognizer, gold: &str, out: &str) -> Result<(), String> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?);
    for v in read_jsonl(gold)? {
        let text = v["text"].as_str().unwrap_or("");
        let found = Annotations {
            entities: rec.find(&Document::new(text)),
            ..Annotations::default()
        };
        let mut export = Export::new(text, &found);
        export.id = v["id"].as_str().map(str::to_string);
        writeln!(w, "{}", export.to_json()).map_err(|e| format!("{out}: {e}"))?;
    }
    Ok(())
}

fn fail(e: String) -> ! {
    eprintln!("{e}");
    std::process::exit(1)
}

/// Prints every text on stdin (JSONL with a `text` field) as tokenised sentences.
fn words() -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let doc = Document::new(v["text"].as_str().unwrap_or(""));
        for r in &doc.sentences {
            let toks: Vec<&str> = r
                .clone()
                .map(|i| doc.token_text(i))
                .filter(|t| !t.contains(char::is_whitespace))
                .collect();
            writeln!(w, "{}", toks.join(" ")).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--words") {
        words().unwrap_or_else(|e| fail(e));
        return;
    }
    let mut train_paths = Vec::new();
    let mut dev = None;
    let mut epochs = 15usize;
    let mut bits = 16u32;
    let mut prune = 0.5f32;
    let mut dropout = 0.0f32;
    let mut out = "data/entities/model.bin".to_string();
    let mut predictions = Vec::new();
    // A fixed-seed shuffle (xorshift) so the same command always gives the same weights.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut i = 0;
    while i < args.len() {
        let next = |i: usize| args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--dev" => dev = Some(next(i)),
            "--epochs" => epochs = next(i).parse().expect("--epochs N"),
            "--bits" => bits = next(i).parse().expect("--bits B"),
            "--dropout" => dropout = next(i).parse().expect("--dropout P"),
            "--prune" => prune = next(i).parse().expect("--prune P"),
            "--out" => out = next(i),
            "--seed" => seed = next(i).parse().expect("--seed N"),
            "--predict" => {
                predictions.push((next(i), args.get(i + 2).cloned().unwrap_or_default()));
                i += 3;
                continue;
            }
            a => {
                train_paths.push(a.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    if train_paths.is_empty() {
        eprintln!(
            "usage: train-entities TRAIN.jsonl [TRAIN2.jsonl ...] [--dev DEV.jsonl] [--epochs N] [--bits B] [--prune P] [--dropout P] [--seed N] [--out FILE] [--predict GOLD.jsonl OUT.jsonl ...]"
        );
        std::process::exit(2);
    }
    let started = std::time::Instant::now();
    let lex = Lexicons::new();
    let mut data = Vec::new();
    for p in &train_paths {
        data.extend(load(p, &lex).unwrap_or_else(|e| fail(e)));
    }
    let dev = dev.map(|p| load(&p, &lex).unwrap_or_else(|e| fail(e)));
    let mut trainer = Trainer::new(bits);
    for epoch in 1..=epochs {
        for k in (1..data.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            data.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        let mut rng = seed | 1;
        let errors: usize = data.iter().map(|ex| trainer.learn(ex, dropout, &mut rng)).sum();
        let tokens: usize = data.iter().map(|ex| ex.gold.len()).sum();
        let mut line = format!("epoch {epoch}: {errors} token errors of {tokens}");
        if let Some(dev) = &dev {
            let (p, r, f) = train::evaluate(&trainer.quantise(prune), dev);
            line += &format!("; dev P {:.2} R {:.2} F1 {:.2}", p * 100.0, r * 100.0, f * 100.0);
        }
        eprintln!("{line} ({:.0} s)", started.elapsed().as_secs_f64());
    }
    let model = trainer.quantise(prune);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).unwrap_or_else(|e| fail(format!("{out}: {e}")));
    eprintln!(
        "wrote {out}: {} bytes in {:.0} s",
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    if !predictions.is_empty() {
        let rec = EntityRecognizer::with_model(model);
        for (gold, path) in &predictions {
            predict(&rec, gold, path).unwrap_or_else(|e| fail(e));
        }
    }
}
