//! The Python binding (`newsmark._newsmark`): it only adapts. Options come in as Python values,
//! the `newsmark/1` export goes out as the CLI's exact JSON text; `newsmark/__init__.py` turns it
//! into dicts. No language logic lives here.

use newsmark::{annotate_to_export, Layers, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Options from Python values: `document_date` "YYYY-MM-DD" or None, `layers` names or None.
fn options(document_date: Option<&str>, layers: Option<Vec<String>>) -> PyResult<Options> {
    let mut options = match document_date {
        Some(d) => Options::with_document_date(d).map_err(|e| PyValueError::new_err(e.to_string()))?,
        None => Options::default(),
    };
    if let Some(names) = layers {
        options.layers =
            Layers::from_names(names.iter().map(String::as_str)).map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(options)
}

/// One document's export as JSON text, or the message saying why not.
fn export_json(text: &str, id: Option<String>, options: &Options) -> Result<String, String> {
    let mut export = annotate_to_export(text, options).map_err(|e| e.to_string())?;
    export.id = id;
    Ok(export.to_json())
}

/// Annotates `text`; returns the `newsmark/1` export as JSON text, byte for byte what
/// `newsmark annotate` prints (without its newline). Raises ValueError for bad options.
#[pyfunction]
#[pyo3(signature = (text, document_date=None, layers=None))]
fn annotate_json(
    py: Python<'_>,
    text: &str,
    document_date: Option<&str>,
    layers: Option<Vec<String>>,
) -> PyResult<String> {
    let options = options(document_date, layers)?;
    let text = text.to_owned();
    // The GIL is released while annotating, so other Python threads run meanwhile.
    py.detach(move || export_json(&text, None, &options))
        .map_err(PyValueError::new_err)
}

/// Annotates a batch on `jobs` threads (the GIL released): `docs` are (id, text, document_date)
/// triples; returns, in order, each export's JSON text or the error message for that document.
#[pyfunction]
#[pyo3(signature = (docs, jobs, layers=None))]
fn annotate_batch(
    py: Python<'_>,
    docs: Vec<(Option<String>, String, Option<String>)>,
    jobs: usize,
    layers: Option<Vec<String>>,
) -> PyResult<Vec<(bool, String)>> {
    let base = options(None, layers)?;
    let jobs = jobs.max(1);
    Ok(py.detach(move || {
        let one = |(id, text, date): &(Option<String>, String, Option<String>)| {
            let options = match date {
                Some(d) => Options::with_document_date(d).map(|o| Options {
                    layers: base.layers,
                    ..o
                }),
                None => Ok(base.clone()),
            };
            match options
                .map_err(|e| e.to_string())
                .and_then(|o| export_json(text, id.clone(), &o))
            {
                Ok(json) => (true, json),
                Err(message) => (false, message),
            }
        };
        // Contiguous shares, one per thread: a batch is small (a few per thread), so
        // work stealing would not pay for itself.
        let share = docs.len().div_ceil(jobs).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = docs
                .chunks(share)
                .map(|chunk| (chunk.len(), s.spawn(move || chunk.iter().map(one).collect::<Vec<_>>())))
                .collect();
            // A thread that died still answers for each of its documents, so results stay aligned.
            handles
                .into_iter()
                .flat_map(|(n, h)| {
                    h.join().unwrap_or_else(|_| {
                        vec![(false, "newsmark failed on this document: please report it".into()); n]
                    })
                })
                .collect()
        })
    }))
}

/// The native module behind the `newsmark` Python package.
#[pymodule]
fn _newsmark(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate_json, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_batch, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
