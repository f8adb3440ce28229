//! Footnotes by hand: which annotator wrote a note, and how its mark reads.
//!
//! Label grammar (the part between `[^` and `]`):
//!
//! ```text
//! label = [ hand ":" ] name      [^yb:1] is note "1" of hand yb; [^3] is note "3" of the
//! hand  = [a-z0-9-]+             first hand declared in book.toml ([annotators])
//! name  = any characters but whitespace and "]"
//! ```
//!
//! Each hand numbers its notes in its own series, so marks of different hands never look
//! alike even without colour: the first hand declared uses 1, 2, 3; the second a, b, c; the
//! third i, ii, iii; then A, B, C and I, II, III; further hands prefix their id (`xy1`).

use crate::config::Hand;

/// A footnote label split into its hand and name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    /// The hand's id as written; `None` when the label has no prefix.
    pub(crate) hand: Option<&'a str>,
    /// The rest of the label.
    pub(crate) name: &'a str,
}

/// Splits `label` at its first `:`.
pub(crate) fn parse_label(label: &str) -> Label<'_> {
    match label.split_once(':') {
        Some((hand, name)) => Label {
            hand: Some(hand),
            name,
        },
        None => Label {
            hand: None,
            name: label,
        },
    }
}

/// The position of the hand that owns `label` among `hands`, or the unknown prefix.
pub(crate) fn owner<'a>(label: &Label<'a>, hands: &[Hand]) -> Result<usize, &'a str> {
    match label.hand {
        None => Ok(0),
        Some(prefix) => hands
            .iter()
            .position(|hand| hand.id.as_str() == prefix)
            .ok_or(prefix),
    }
}

/// The mark of note `number` (1-based) of the hand at position `hand_index`.
pub(crate) fn marker(hand_index: usize, hand: &Hand, number: u32) -> String {
    match hand_index {
        0 => number.to_string(),
        1 => letters(number, b'a'),
        2 => roman(number).to_lowercase(),
        3 => letters(number, b'A'),
        4 => roman(number),
        _ => format!("{}{number}", hand.id),
    }
}

/// 1 → a, 26 → z, 27 → aa (bijective base 26).
fn letters(mut number: u32, first: u8) -> String {
    let mut out = Vec::new();
    while number > 0 {
        number -= 1;
        out.push(first + (number % 26) as u8);
        number /= 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

fn roman(mut number: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while number >= value {
            out.push_str(numeral);
            number -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::HandId;

    fn hand(id: &str) -> Hand {
        Hand {
            id: HandId::parse(id).unwrap(),
            name: id.to_owned(),
            role: None,
        }
    }

    #[test]
    fn labels_name_their_hand() {
        assert_eq!(
            parse_label("yb:1"),
            Label {
                hand: Some("yb"),
                name: "1"
            }
        );
        assert_eq!(
            parse_label("12"),
            Label {
                hand: None,
                name: "12"
            }
        );
        let hands = [hand("ed"), hand("yb")];
        assert_eq!(owner(&parse_label("yb:1"), &hands), Ok(1));
        assert_eq!(owner(&parse_label("1"), &hands), Ok(0));
        assert_eq!(owner(&parse_label("yv:2"), &hands), Err("yv"));
    }

    #[test]
    fn each_hand_has_its_own_series() {
        let h = hand("xy");
        assert_eq!(marker(0, &h, 12), "12");
        assert_eq!(marker(1, &h, 1), "a");
        assert_eq!(marker(1, &h, 28), "ab");
        assert_eq!(marker(2, &h, 4), "iv");
        assert_eq!(marker(3, &h, 2), "B");
        assert_eq!(marker(4, &h, 9), "IX");
        assert_eq!(marker(5, &h, 3), "xy3");
    }
}
