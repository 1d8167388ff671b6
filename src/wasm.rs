//! The WebAssembly binding: converts JS values to options and exports to JS values. No
//! language logic lives here.

use crate::export::Export;
use crate::{Annotator, Error, Layers, Options};
use wasm_bindgen::prelude::*;

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct JsOptions {
    #[serde(default)]
    document_date: Option<String>,
    #[serde(default)]
    layers: Option<Vec<String>>,
}

fn js_error(e: Error) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

fn options_from_js(options: JsValue) -> Result<Options, JsValue> {
    // serde-wasm-bindgen rejects undefined/null for a struct, so they mean "no options" here.
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(js_error(Error::BadOptions {
            detail: "options must be an object".into(),
        }));
    }
    // serde-wasm-bindgen reads only the fields a struct names, so an unknown key (a typo such as
    // `documentDate`) would be ignored silently; reject it here instead.
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "document_date" && key != "layers" {
            return Err(js_error(Error::BadOptions {
                detail: format!(
                    "unknown option {key:?}: the options are document_date (\"YYYY-MM-DD\") and layers ([\"entities\", \"dates\", \"quotes\"])"
                ),
            }));
        }
    }
    let raw: JsOptions =
        serde_wasm_bindgen::from_value(options).map_err(|e| js_error(Error::BadOptions { detail: e.to_string() }))?;
    let mut options = match raw.document_date.as_deref().map(str::trim) {
        None | Some("") => Options::default(),
        Some(d) => Options::with_document_date(d).map_err(js_error)?,
    };
    if let Some(names) = &raw.layers {
        options.layers = Layers::from_names(names.iter().map(String::as_str)).map_err(js_error)?;
    }
    Ok(options)
}

fn export(annotator: &Annotator, text: &str, options: JsValue) -> Result<Export, JsValue> {
    let options = options_from_js(options)?;
    crate::check_text(text).map_err(js_error)?;
    Ok(Export::from_annotations(text, annotator.annotate(text, &options)))
}

fn to_js(export: &Export) -> Result<JsValue, JsValue> {
    // One native JSON.parse of the CLI's own text is 1.5x faster than setting every property
    // through serde-wasm-bindgen, and the object then holds exactly the CLI's values. The
    // article itself is left out of that text and set afterwards (same key, same place):
    // escaping, copying and parsing it again is a sixth of the JSON for nothing.
    let object = js_sys::JSON::parse(&export.to_json_without_text())?;
    js_sys::Reflect::set(&object, &JsValue::from_str("text"), &JsValue::from_str(&export.text))?;
    Ok(object)
}

/// Annotates `text` and returns the `newsmark/1` export as a plain JS object.
/// `options` may be undefined, null or `{ document_date: "YYYY-MM-DD" }`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&export(Annotator::shared(), text, options)?)
}

/// Annotates `text` and returns the export as JSON text: the exact bytes the CLI prints
/// (without its trailing newline).
#[wasm_bindgen(js_name = annotateJson)]
pub fn annotate_json(text: &str, options: JsValue) -> Result<String, JsValue> {
    Ok(export(Annotator::shared(), text, options)?.to_json())
}

fn parse_export(json: &str) -> Result<Export, JsValue> {
    let export: Export =
        serde_json::from_str(json).map_err(|e| js_error(Error::NotAnExport { detail: e.to_string() }))?;
    if export.schema != crate::export::SCHEMA {
        return Err(js_error(Error::NotAnExport {
            detail: format!("its schema is {:?}", export.schema),
        }));
    }
    Ok(export)
}

/// Converts the `newsmark/1` JSON (as `annotateJson` returns it) to W3C Web Annotation JSON-LD,
/// the bytes `newsmark annotate --format w3c` prints (without its newline). `source` is the text's
/// IRI (default `urn:newsmark:text`). See docs/exports.md.
#[wasm_bindgen(js_name = exportW3c)]
pub fn export_w3c(json: &str, source: Option<String>) -> Result<String, JsValue> {
    let export = parse_export(json)?;
    let source = source.unwrap_or_else(|| crate::export::w3c::default_source(&export));
    if !crate::export::w3c::is_source_iri(&source) {
        return Err(js_error(Error::BadOptions {
            detail: format!("source {source:?} is not an absolute IRI without a fragment"),
        }));
    }
    Ok(crate::export::w3c::to_json(&export, &source))
}

/// Converts the `newsmark/1` JSON to a brat standoff `.ann` (the text is the `.txt`), as
/// `newsmark annotate --format brat` prints it.
#[wasm_bindgen(js_name = exportBrat)]
pub fn export_brat(json: &str) -> Result<String, JsValue> {
    Ok(crate::export::brat::to_ann(&parse_export(json)?))
}

/// Converts the `newsmark/1` JSON to a CSV file (byte-order mark, header, rows) of `table`
/// ("quotes" or "names"), as `newsmark annotate --format csv --table TABLE` prints it.
#[wasm_bindgen(js_name = exportCsv)]
pub fn export_csv(json: &str, table: &str) -> Result<String, JsValue> {
    let table = crate::export::csv::Table::from_name(table).ok_or_else(|| {
        js_error(Error::BadOptions {
            detail: format!("unknown table {table:?}: the tables are quotes and names"),
        })
    })?;
    Ok(crate::export::csv::to_csv(&parse_export(json)?, table))
}

/// A reusable annotator (the free functions share one too; this exists for explicit lifetimes).
#[wasm_bindgen(js_name = Annotator)]
pub struct JsAnnotator {
    inner: Annotator,
}

#[wasm_bindgen(js_class = Annotator)]
impl JsAnnotator {
    /// Compiles the recognisers.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsAnnotator {
        JsAnnotator {
            inner: Annotator::new(),
        }
    }

    /// Same as the free `annotate`.
    pub fn annotate(&self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        to_js(&export(&self.inner, text, options)?)
    }
}

impl Default for JsAnnotator {
    fn default() -> Self {
        Self::new()
    }
}
