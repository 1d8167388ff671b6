//! The command line as a user meets it: what comes out on stdout, what it says on stderr, and
//! the exit status, for the inputs that go wrong in batch runs.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsmark binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    // Written from a thread: a large input would otherwise deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("newsmark runs to the end");
    writer.join().expect("stdin writer finishes");
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect()
}

#[test]
fn empty_text_gives_an_empty_export() {
    let o = run(&["annotate"], b"");
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let out = json_lines(&o);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["schema"], "newsmark/1");
    assert_eq!(out[0]["text"], "");
    assert_eq!(out[0]["annotations"], serde_json::json!([]));
}

#[test]
fn text_from_a_file_and_from_stdin_give_the_same_bytes() {
    let text = "“We will win,” Mike Pence said on 2018-02-20 in Washington. 👨🏻‍🚒\r\n";
    let path = std::env::temp_dir().join(format!("newsmark-cli-{}.txt", std::process::id()));
    std::fs::write(&path, text).expect("temp file written");
    let from_file = run(
        &[
            "annotate",
            path.to_str().expect("utf-8 temp path"),
            "--date",
            "2018-02-21",
        ],
        b"",
    );
    let from_stdin = run(&["annotate", "-", "--date=2018-02-21"], text.as_bytes());
    let _ = std::fs::remove_file(&path);
    assert!(from_file.status.success() && from_stdin.status.success());
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let out = json_lines(&from_stdin);
    assert_eq!(out[0]["text"], text);
    assert_eq!(out[0]["document_date"]["value"], "2018-02-21");
    assert_eq!(out[0]["document_date"]["source"], "given");
}

#[test]
fn non_utf8_input_is_a_clear_error() {
    let o = run(&["annotate"], b"Pence said \xff\xfe hello");
    assert!(!o.status.success());
    assert!(o.stdout.is_empty(), "nothing is printed for a text that was not read");
    let err = stderr(&o);
    assert!(err.contains("not UTF-8"), "stderr: {err}");
    assert!(err.contains("offset 11"), "the error says where the bad byte is: {err}");
}

#[test]
fn a_bad_date_is_a_clear_error() {
    for bad in ["2018-02-30", "21/02/2018", "yesterday", ""] {
        let o = run(&["annotate", "--date", bad], b"Some text.");
        assert!(!o.status.success(), "--date {bad:?} must fail");
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(err.contains("YYYY-MM-DD"), "stderr for {bad:?}: {err}");
        assert!(
            err.contains(&format!("{bad:?}")),
            "the error quotes the bad value: {err}"
        );
    }
    let o = run(&["annotate", "--date"], b"Some text.");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--date needs a value"));
}

#[test]
fn jsonl_reports_a_malformed_line_by_number_and_writes_the_others() {
    let input = concat!(
        r#"{"id": "a", "text": "Mike Pence said so on 2018-02-20."}"#,
        "\n",
        r#"{"id": "b", "text": "unterminated"#,
        "\n",
        "\n",
        r#"{"id": "c", "text": "Theresa May spoke.", "dct": "2018-02-21"}"#,
        "\n",
        r#"{"id": "d", "text": "bad date", "dct": "2018-13-01"}"#,
        "\n",
        r#"{"id": 7, "text": "numeric id"}"#,
        "\n",
    );
    let o = run(&["annotate", "--jsonl"], input.as_bytes());
    assert!(!o.status.success(), "a failed line makes the exit status non-zero");
    let err = stderr(&o);
    assert!(err.contains("line 2"), "stderr names the malformed line: {err}");
    assert!(err.contains("line 5"), "stderr names the line with a bad dct: {err}");
    assert!(
        !err.contains("line 1:") && !err.contains("line 4") && !err.contains("line 6"),
        "{err}"
    );
    let out = json_lines(&o);
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap_or("?")).collect();
    assert_eq!(ids, ["a", "c", "7"]);
    assert_eq!(out[1]["document_date"]["value"], "2018-02-21");
    assert_eq!(out[1]["text"], "Theresa May spoke.");
}

#[test]
fn jsonl_reports_a_non_utf8_line_and_goes_on() {
    let mut input = b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\": \"c\", \"text\": \"also ok\"}");
    let o = run(&["annotate", "--jsonl", "-"], &input);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("line 2"), "stderr: {}", stderr(&o));
    let ids: Vec<String> = json_lines(&o)
        .iter()
        .map(|v| v["id"].as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(ids, ["a", "c"], "the last line needs no trailing newline");
}

#[test]
fn a_text_over_the_limit_asks_to_split_it() {
    let text = vec![b'a'; newsmark::MAX_TEXT_BYTES + 1];
    let o = run(&["annotate"], &text);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("split it"), "stderr: {err}");
}

#[test]
fn usage_errors_exit_non_zero_and_help_does_not() {
    let o = run(&["annotate", "--frobnicate"], b"");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--frobnicate"));
    let o = run(&["summarise"], b"");
    assert!(!o.status.success());
    let o = run(&["--help"], b"");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("newsmark annotate"));
}

#[test]
fn an_endless_jsonl_input_stops_with_a_message_instead_of_running_out_of_memory() {
    let o = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(["annotate", "--jsonl", "/dev/zero"])
        .output()
        .expect("the newsmark binary starts");
    assert_eq!(
        o.status.code(),
        Some(1),
        "a clean failure, not an abort: {:?}",
        o.status
    );
    let err = stderr(&o);
    assert!(
        err.contains("line 1 is longer than") && err.contains("split"),
        "stderr: {err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one line, no usage text: {err}");
}

#[test]
fn runtime_errors_are_one_line_without_the_usage_text() {
    let missing = run(&["annotate", "/nonexistent/article.txt"], b"");
    let bad_date = run(&["annotate", "--date", "2018-02-30"], b"text");
    let not_text = run(&["annotate"], b"\xff\xfe");
    for o in [missing, bad_date, not_text] {
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(!err.contains("Usage"), "no usage text for a runtime error: {err}");
    }
    let usage = run(&["annotate", "--frobnicate"], b"");
    assert_eq!(usage.status.code(), Some(2));
    assert!(stderr(&usage).contains("Usage"), "a usage mistake shows the usage");
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let line = "{\"text\": \"Mike Pence said on Tuesday that he would go.\"}\n";
    let input = line.repeat(3000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmark"))
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsmark binary starts");
    // Like `| head -c 100`: read a little, then close the pipe.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = [0u8; 100];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output arrives");
    drop(stdout);
    let o = child.wait_with_output().expect("newsmark ends");
    writer.join().expect("stdin writer finishes");
    assert!(o.status.success(), "status {:?}", o.status);
    assert_eq!(stderr(&o), "", "nothing on stderr for a closed pipe");
}

#[test]
fn a_byte_order_mark_is_accepted_in_text_and_jsonl() {
    let o = run(
        &["annotate", "--jsonl"],
        "\u{feff}{\"id\": \"a\", \"text\": \"Theresa May spoke.\"}\n".as_bytes(),
    );
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    assert_eq!(json_lines(&o)[0]["id"], "a");
    let o = run(&["annotate"], "\u{feff}Theresa May spoke.".as_bytes());
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    assert_eq!(json_lines(&o)[0]["text"], "Theresa May spoke.");
}

#[test]
fn jsonl_lines_of_the_wrong_shape_are_named_in_plain_words() {
    let input = "[\"array\"]\n{\"id\": \"b\"}\n{\"text\": 5}\n{\"text\": \"ok\", \"dct\": 20180221}\n";
    let o = run(&["annotate", "--jsonl"], input.as_bytes());
    let err = stderr(&o);
    assert!(
        err.contains("line 1: expected a JSON object") && err.contains("found an array"),
        "{err}"
    );
    assert!(err.contains("line 2: the object has no \"text\" field"), "{err}");
    assert!(err.contains("line 3: \"text\" must be a string"), "{err}");
    assert!(err.contains("line 4: \"dct\" must be a YYYY-MM-DD string"), "{err}");
    assert!(!err.contains("struct"), "no internal type names: {err}");
}

#[test]
fn layer_names_in_any_case_and_every_flag_combination_is_explicit() {
    let o = run(
        &["annotate", "--layers", "Quotes,DATES"],
        b"\"Yes,\" she said on Monday.",
    );
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    let o = run(&["annotate", "--layers=dates"], b"on Monday");
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    for args in [
        &["annotate", "--jsonl", "--pretty"][..],
        &["annotate", "--date", "2018-02-21", "--date=2018-02-22"][..],
        &["annotate", "--layers", "dates", "--layers", "quotes"][..],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?} is a usage mistake");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn document_dates_outside_the_range_are_refused_and_values_stay_iso() {
    for bad in ["0500-01-01", "9999-12-31"] {
        let o = run(&["annotate", "--date", bad], b"It happened last year.");
        assert_eq!(o.status.code(), Some(1), "--date {bad}");
        assert!(stderr(&o).contains("from 1000-01-01 to 9998-12-31"), "{}", stderr(&o));
    }
    for edge in ["1000-01-01", "9998-12-31"] {
        let o = run(
            &["annotate", "--date", edge],
            b"It happened last year, and will again next year.",
        );
        assert!(o.status.success(), "{}", stderr(&o));
        for a in json_lines(&o)[0]["annotations"].as_array().unwrap() {
            let v = a["value"].as_str().unwrap_or("0000");
            assert!(
                v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit()),
                "{edge}: {a}"
            );
        }
    }
}

#[test]
fn the_json_is_safe_to_embed_in_html_and_still_the_same_text() {
    let text = "He wrote \"</script><script>alert(1)</script>\" and\u{2028}then\u{2029}this.";
    for args in [&["annotate"][..], &["annotate", "--pretty"][..]] {
        let o = run(args, text.as_bytes());
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        assert!(!out.contains("</"), "no </ in {out}");
        assert!(!out.contains(['\u{2028}', '\u{2029}']), "no raw line separators");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["text"], text);
    }
}

// ---------------------------------------------------------------- --format and --jobs

const ARTICLE: &str = "\u{201C}We will not back down.\n\n\u{201C}The vote will go ahead 👨🏻‍🚒 as planned,\u{201D} said Zoe\u{0301} Adams, the party's leader. He added: \u{201C}Nothing has changed.\u{201D}\n";

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "stderr: {}", stderr(o));
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmark-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_format_prints_what_the_library_renders_for_the_same_export() {
    use newsmark::export::{brat, csv, w3c, Export};
    let json = stdout(&run(&["annotate", "--date", "2018-02-21"], ARTICLE.as_bytes()));
    let export: Export = serde_json::from_str(&json).expect("the JSON export parses");
    let with = |extra: &[&str]| {
        let mut args = vec!["annotate", "--date", "2018-02-21"];
        args.extend_from_slice(extra);
        stdout(&run(&args, ARTICLE.as_bytes()))
    };
    assert_eq!(with(&["--format", "json"]), json, "json is the default");
    assert_eq!(
        with(&["--format=w3c"]),
        w3c::to_json(&export, "urn:newsmark:text") + "\n"
    );
    assert_eq!(
        with(&["--format", "w3c", "--source", "https://example.org/a/1", "--pretty"]),
        w3c::to_json_pretty(&export, "https://example.org/a/1") + "\n"
    );
    assert_eq!(with(&["--format", "brat"]), brat::to_ann(&export));
    assert_eq!(
        with(&["--format", "csv", "--table", "quotes"]),
        csv::to_csv(&export, csv::Table::Quotes)
    );
    assert_eq!(
        with(&["--format", "csv", "--table=names"]),
        csv::to_csv(&export, csv::Table::Names)
    );
}

#[test]
fn brat_writes_the_txt_beside_the_ann_named_after_the_file_or_the_line_id() {
    let dir = temp_dir("brat");
    let input = dir.with_extension("article.txt");
    std::fs::write(&input, format!("\u{feff}{ARTICLE}")).expect("input written");
    let o = run(
        &[
            "annotate",
            input.to_str().unwrap(),
            "--format",
            "brat",
            "--out",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(stdout(&o), "", "the files are the output");
    let stem = input.file_stem().unwrap().to_str().unwrap();
    let txt = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).expect(".txt written");
    assert_eq!(
        txt, ARTICLE,
        "the .txt is the text annotated, without the byte-order mark"
    );
    let ann = std::fs::read_to_string(dir.join(format!("{stem}.ann"))).expect(".ann written");
    assert!(ann.starts_with("T1\tQuote 0 23;25 66\t"), "{ann}");
    let conf = dir.join("annotation.conf");
    assert_eq!(
        std::fs::read_to_string(&conf).unwrap(),
        newsmark::export::brat::ANNOTATION_CONF
    );
    std::fs::write(&conf, "[entities]\nMine\n").unwrap();

    let lines = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": "bbc/001", "text": ARTICLE}),
        serde_json::json!({"text": "Theresa May spoke."}),
        serde_json::json!({"id": "bbc:001", "text": "again"}),
    );
    let o = run(
        &[
            "annotate",
            "--jsonl",
            "--format",
            "brat",
            "--out",
            dir.to_str().unwrap(),
        ],
        lines.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1), "the third line's name is taken");
    assert!(
        stderr(&o).contains("line 3: another text was already written as bbc_001.txt"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(dir.join("bbc_001.txt")).unwrap(), ARTICLE);
    assert_eq!(
        std::fs::read_to_string(dir.join("line-2.txt")).unwrap(),
        "Theresa May spoke."
    );
    assert!(std::fs::read_to_string(dir.join("line-2.ann"))
        .unwrap()
        .contains("PERSON 0 11\tTheresa May"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&input);
}

#[test]
fn csv_from_jsonl_has_one_header_and_a_document_column() {
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": ARTICLE}),
        serde_json::json!({"id": "b", "text": "“Fine,” said Theresa May."}),
    );
    let out = stdout(&run(
        &["annotate", "--jsonl", "--format", "csv", "--table", "quotes"],
        lines.as_bytes(),
    ));
    assert!(out.starts_with("\u{feff}document,quote_id,"), "{out}");
    assert_eq!(out.matches("document,").count(), 1, "one header");
    assert!(out.contains("\r\nb,q1,speech,Theresa May,"), "{out}");
}

#[test]
fn format_flags_that_make_no_sense_together_are_usage_errors() {
    for args in [
        &["annotate", "--format", "xml"][..],
        &["annotate", "--format", "csv"][..],
        &["annotate", "--format", "csv", "--table", "people"][..],
        &["annotate", "--table", "quotes"][..],
        &["annotate", "--format", "brat", "--pretty"][..],
        &["annotate", "--format", "json", "--out", "dir"][..],
        &["annotate", "--format", "w3c", "--source", "article.txt"][..],
        &["annotate", "--jsonl", "--format", "w3c", "--source", "https://x.org/"][..],
        &["annotate", "--jsonl", "--format", "brat"][..],
        &["annotate", "--jobs", "2"][..],
        &["annotate", "--jsonl", "--jobs", "0"][..],
        &["annotate", "--jsonl", "--jobs", "many"][..],
        &["annotate", "--pretty=yes"][..],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?} is a usage mistake: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(stderr(&o).contains("Usage"), "{args:?}");
    }
}

#[test]
fn jobs_keep_the_input_order_and_report_bad_lines_in_order() {
    // Lengths vary a hundredfold, so with several threads later lines often finish first.
    let mut input = String::new();
    for i in 0..120 {
        if i % 37 == 5 {
            input.push_str("{not json}\n");
            continue;
        }
        let text = format!("“Line {i},” said Theresa May on Monday. ").repeat(1 + (i * 7919) % 40);
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let one = run(&["annotate", "--jsonl", "--jobs", "1"], input.as_bytes());
    assert_eq!(one.status.code(), Some(1));
    for jobs in ["2", "3", "7"] {
        let many = run(&["annotate", "--jsonl", "--jobs", jobs], input.as_bytes());
        assert_eq!(many.status.code(), Some(1));
        assert_eq!(
            many.stdout, one.stdout,
            "--jobs {jobs} prints the same bytes in the same order"
        );
        assert_eq!(
            stderr(&many),
            stderr(&one),
            "--jobs {jobs} reports the same lines in order"
        );
    }
    let ids: Vec<String> = json_lines(&one)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..120).filter(|i| i % 37 != 5).map(|i| i.to_string()).collect();
    assert_eq!(ids, expected);
    assert_eq!(stderr(&one).lines().count(), 4, "{}", stderr(&one));
}
