//! Times each layer separately over a JSONL corpus (one {"text":...} a line): where does the time go?
//! Usage: cargo run --release --example layers -- FILE.jsonl
use newsmark::internals::Document;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: layers FILE.jsonl");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("readable file")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let t0 = Instant::now();
    let ents = newsmark::internals::EntityRecognizer::new();
    let dates = newsmark::internals::DateRecognizer::new();
    let quotes = newsmark::internals::QuoteRecognizer::new();
    println!("load: {:?}", t0.elapsed());
    let (mut t_doc, mut t_ent, mut t_date, mut t_quote) = (0.0, 0.0, 0.0, 0.0);
    for text in &texts {
        let t = Instant::now();
        let doc = Document::new(text);
        t_doc += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let e = ents.find(&doc);
        t_ent += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let scan = newsmark::internals::DateScan::new(&doc);
        let dd = dates.detect_document_date(&scan);
        let _ = dates.find(&scan, dd.map(|d| d.date), &e);
        t_date += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let _ = quotes.find(&doc, &e);
        t_quote += t.elapsed().as_secs_f64();
    }
    let mb = bytes as f64 / 1e6;
    for (name, s) in [
        ("text", t_doc),
        ("entities", t_ent),
        ("dates", t_date),
        ("quotes", t_quote),
    ] {
        println!("{name:>9}: {s:.3} s  ({:.1} MB/s)", mb / s);
    }
    let total = t_doc + t_ent + t_date + t_quote;
    println!("{:>9}: {total:.3} s  ({:.1} MB/s) over {mb:.2} MB", "all", mb / total);
}
