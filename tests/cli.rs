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
