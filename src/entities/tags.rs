//! The tagger's tag set: BIO over the four CoNLL classes.

/// The four classes the tagger learns (CoNLL's); NORP and EVENT are split off MISC afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Anything else (nationalities, events, products...).
    Misc,
}

impl Class {
    /// Every class, in tag order.
    pub const ALL: [Class; 4] = [Class::Per, Class::Org, Class::Loc, Class::Misc];

    /// Parses a CoNLL label ("PER", "ORG", "LOC", "MISC").
    pub fn from_conll(s: &str) -> Option<Class> {
        match s {
            "PER" | "PERSON" => Some(Class::Per),
            "ORG" => Some(Class::Org),
            "LOC" => Some(Class::Loc),
            "MISC" | "NORP" | "EVENT" => Some(Class::Misc),
            _ => None,
        }
    }
}

/// Number of tags: O, then B and I for each class.
pub const NTAGS: usize = 9;

/// The "outside" tag.
pub const O: usize = 0;

/// The B tag of a class.
pub fn begin(c: Class) -> usize {
    1 + 2 * c as usize
}

/// The I tag of a class.
pub fn inside(c: Class) -> usize {
    2 + 2 * c as usize
}

/// The class of a non-O tag.
pub fn class_of(tag: usize) -> Option<Class> {
    if tag == O || tag >= NTAGS {
        None
    } else {
        Some(Class::ALL[(tag - 1) / 2])
    }
}

/// True for a B tag.
pub fn is_begin(tag: usize) -> bool {
    tag != O && tag < NTAGS && (tag - 1).is_multiple_of(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_to_classes() {
        for c in Class::ALL {
            assert_eq!(class_of(begin(c)), Some(c));
            assert_eq!(class_of(inside(c)), Some(c));
            assert!(is_begin(begin(c)) && !is_begin(inside(c)));
        }
        assert_eq!(class_of(O), None);
    }
}
