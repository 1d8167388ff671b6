//! Reading input with a bound: the CLI never holds more than the text limit plus one read chunk,
//! whatever it is given (a 4 GB file, `/dev/zero`, a JSONL line that never ends).

use std::io::{self, BufRead, Read};

/// The largest JSONL line read: a text at the limit plus room for its JSON syntax and escapes.
pub const MAX_LINE_BYTES: usize = newsmark::MAX_TEXT_BYTES + 4 * 1024 * 1024;

/// What one bounded read found.
pub enum Bounded {
    /// All of it, within the limit.
    Whole(Vec<u8>),
    /// More than `limit` bytes; reading stopped there.
    TooLarge,
}

/// Reads everything from `r`, stopping once it is past `limit` bytes.
pub fn read_bounded(r: impl Read, limit: usize) -> io::Result<Bounded> {
    let mut buf = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(if buf.len() > limit {
        Bounded::TooLarge
    } else {
        Bounded::Whole(buf)
    })
}

/// One line from a JSONL stream.
pub enum NextLine {
    /// A line (without its `\n`).
    Line(Vec<u8>),
    /// A line longer than the limit: the stream cannot be read on safely.
    TooLong,
    /// End of input.
    End,
}

/// Reads the next line into a fresh buffer, never holding more than `limit` bytes of it.
pub fn next_line(r: &mut impl BufRead, limit: usize) -> io::Result<NextLine> {
    let mut line = Vec::new();
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if line.is_empty() {
                NextLine::End
            } else {
                NextLine::Line(line)
            });
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(k) => (k, true),
            None => (chunk.len(), false),
        };
        if line.len() + take > limit {
            return Ok(NextLine::TooLong);
        }
        line.extend_from_slice(&chunk[..take]);
        r.consume(if done { take + 1 } else { take });
        if done {
            return Ok(NextLine::Line(line));
        }
    }
}

/// The bytes without a leading UTF-8 byte-order mark (editors on Windows write one).
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_over_the_limit_is_refused_without_reading_on() {
        let mut r = io::BufReader::with_capacity(4, io::repeat(b'x'));
        assert!(matches!(next_line(&mut r, 100), Ok(NextLine::TooLong)));
    }

    #[test]
    fn lines_come_back_without_their_newline_and_the_last_one_may_lack_it() {
        let mut r = io::Cursor::new(b"ab\n\ncd".to_vec());
        let mut got = Vec::new();
        while let NextLine::Line(l) = next_line(&mut r, 10).unwrap() {
            got.push(String::from_utf8(l).unwrap());
        }
        assert_eq!(got, ["ab", "", "cd"]);
    }

    #[test]
    fn an_endless_input_stops_at_the_bound() {
        assert!(matches!(read_bounded(io::repeat(0), 1000), Ok(Bounded::TooLarge)));
        assert!(matches!(read_bounded(&b"abc"[..], 3), Ok(Bounded::Whole(v)) if v == b"abc"));
    }
}
