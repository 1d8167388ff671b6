//! The `rule` id of a wire annotation, for the formats built on the export.
//!
//! Each layer adds its `rule` field to its own wire variant (issue 13). Reading it by name
//! through serde keeps the other formats independent of when each layer's field lands: an
//! annotation without one gives `None`, and the formats leave the rule out.

use super::WireAnnotation;

/// The annotation's `rule` id ("quote/after-adjacent"), when its wire variant carries one.
pub(crate) fn rule_of(annotation: &WireAnnotation) -> Option<String> {
    match serde_json::to_value(annotation).ok()?.get("rule")? {
        serde_json::Value::String(id) => Some(id.clone()),
        _ => None,
    }
}
