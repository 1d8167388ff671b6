//! The `rule` id of a wire annotation, for the formats built on the export.

use super::WireAnnotation;

/// The annotation's `rule` id ("quote/after-adjacent"). Every annotation has one; the `Option`
/// lets the formats leave the field out should a future annotation type carry none.
pub(crate) fn rule_of(annotation: &WireAnnotation) -> Option<&str> {
    match annotation {
        WireAnnotation::Entity { rule, .. }
        | WireAnnotation::Date { rule, .. }
        | WireAnnotation::Quote { rule, .. } => Some(rule),
    }
}
