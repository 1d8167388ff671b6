//! Work on several threads, results in input order, with a bounded number of items in flight:
//! what `--jsonl --jobs N` needs, in std alone (a thread pool crate would add a dependency for
//! thirty lines).

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};

/// Items in flight per worker, read but not yet written: enough to keep every worker busy while
/// the writer waits on a long document, few enough that memory stays a small multiple of the
/// largest line (each line is at most `MAX_LINE_BYTES`).
const IN_FLIGHT_PER_JOB: usize = 4;

/// Applies `work` to every item of `input` on `jobs` threads and hands the results to `emit` in
/// input order. Stops at the first `Err` from `input` (after emitting every item before it) or
/// from `emit` (at once); that error is returned.
pub fn map_in_order<T: Send, U: Send, E: Send>(
    jobs: NonZeroUsize,
    input: impl Iterator<Item = Result<T, E>> + Send,
    work: impl Fn(T) -> U + Sync,
    mut emit: impl FnMut(U) -> Result<(), E>,
) -> Result<(), E> {
    if jobs.get() == 1 {
        for item in input {
            emit(work(item?))?;
        }
        return Ok(());
    }
    let window = jobs.get() * IN_FLIGHT_PER_JOB;
    // A slot is taken for each item read and given back when its result is written, so the reader
    // never runs more than `window` items ahead of the writer, however slow one item is.
    let (slot_tx, slot_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = slot_tx.send(());
    }
    let (work_tx, work_rx) = sync_channel::<(usize, T)>(window);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<(usize, U)>();
    let work = &work;
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            for (i, item) in input.enumerate() {
                let item = match item {
                    Ok(t) => t,
                    Err(e) => return Some(e),
                };
                // Either fails only when the writer or every worker has stopped.
                if slot_rx.recv().is_err() || work_tx.send((i, item)).is_err() {
                    return None;
                }
            }
            None
        });
        for _ in 0..jobs.get() {
            let queue = Arc::clone(&work_rx);
            let done = done_tx.clone();
            scope.spawn(move || loop {
                let next = match queue.lock() {
                    Ok(q) => q.recv(),
                    Err(_) => break,
                };
                let Ok((i, item)) = next else { break };
                if done.send((i, work(item))).is_err() {
                    break;
                }
            });
        }
        // Only the workers hold these now: when they stop, the reader's sends fail instead of blocking.
        drop(work_rx);
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut failed = None;
        'results: for (i, result) in done_rx.iter() {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&next) {
                if let Err(e) = emit(result) {
                    failed = Some(e);
                    break 'results;
                }
                next += 1;
                let _ = slot_tx.send(());
            }
        }
        drop(done_rx);
        drop(slot_tx);
        let read_error = reader.join().ok().flatten();
        match failed.or(read_error) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jobs(n: usize) -> NonZeroUsize {
        NonZeroUsize::new(n).unwrap()
    }

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        for n in [1, 2, 3, 8] {
            let mut got = Vec::new();
            let input = (0..200u64).map(Ok::<_, ()>);
            let slow_first = |i: u64| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            };
            map_in_order(jobs(n), input, slow_first, |r| {
                got.push(r);
                Ok(())
            })
            .unwrap();
            assert_eq!(got, (0..200).map(|i| i * 2).collect::<Vec<_>>(), "{n} jobs");
        }
    }

    #[test]
    fn a_read_error_comes_after_every_earlier_result() {
        let input = (0..50).map(|i| if i == 30 { Err("bad") } else { Ok(i) });
        let mut got = Vec::new();
        let r = map_in_order(
            jobs(3),
            input,
            |i| i,
            |r| {
                got.push(r);
                Ok(())
            },
        );
        assert_eq!(r, Err("bad"));
        assert_eq!(got, (0..30).collect::<Vec<_>>());
    }

    #[test]
    fn a_write_error_stops_the_reader_without_reading_everything() {
        let read = std::sync::atomic::AtomicUsize::new(0);
        let input = (0..1_000_000).map(|i| {
            read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(i)
        });
        let r = map_in_order(jobs(2), input, |i| i, |r| if r == 10 { Err("closed") } else { Ok(()) });
        assert_eq!(r, Err("closed"));
        assert!(read.into_inner() < 100, "the reader stopped within the window");
    }
}
