//! Trains the entity tagger from CoNLL-style JSONL (`{"text", "entities": [{start, end, label}]}`,
//! code-point offsets) and writes the quantised weights that `src/entities` embeds.
//!
//! `cargo run --release --bin train-entities -- /work/shared/data/conll2003-train.jsonl [--dev DEV.jsonl]
//!  [--epochs N] [--bits B] [--prune P] [--dropout P] [--out data/entities/model.bin]`

use newsmark::internals::train::{self, Example, Trainer};
use newsmark::internals::Class;
use newsmark::internals::Lexicons;
use std::io::BufRead;

fn load(path: &str, lex: &Lexicons) -> Result<Vec<Example>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    let mut missed = 0;
    let mut total = 0;
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut train_path = None;
    let mut dev = None;
    let mut epochs = 15usize;
    let mut bits = 16u32;
    let mut prune = 0.5f32;
    let mut dropout = 0.0f32;
    let mut out = "data/entities/model.bin".to_string();
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
            a => {
                train_path = Some(a.to_string());
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    let Some(train_path) = train_path else {
        eprintln!(
            "usage: train-entities TRAIN.jsonl [--dev DEV.jsonl] [--epochs N] [--bits B] [--prune P] [--dropout P] [--out FILE]"
        );
        std::process::exit(2);
    };
    let started = std::time::Instant::now();
    let lex = Lexicons::new();
    let mut data = load(&train_path, &lex).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let dev = dev.map(|p| {
        load(&p, &lex).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        })
    });
    let mut trainer = Trainer::new(bits);
    // A fixed-seed shuffle (xorshift) so the same command always gives the same weights.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
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
    std::fs::write(&out, &bytes).unwrap_or_else(|e| {
        eprintln!("{out}: {e}");
        std::process::exit(1)
    });
    eprintln!(
        "wrote {out}: {} bytes in {:.0} s",
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
}
