//! YAML as the generator writes it: every string double-quoted, lists in flow style, so no
//! generated text can be read as a number, a date, a boolean or a nested structure.

use std::fmt::Write;

/// `text` as a double-quoted YAML scalar.
pub(crate) fn string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            _ => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `items` as a flow list of double-quoted scalars: `["a", "b"]`.
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::from("[");
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.push_str(&string(item.as_ref()));
    }
    out.push(']');
    out
}

/// Appends `key: "value"` and a newline, indented by `indent` spaces.
pub(crate) fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    writeln!(out, "{:indent$}{key}: {}", "", string(value))
        .expect("writing to a String cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quotes and backslashes are escaped; everything else is kept.
    #[test]
    fn quotes_strings() {
        assert_eq!(string(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(list(&["1931", "no"]), r#"["1931", "no"]"#);
    }
}
