//! `person:`, `place:` and `doc:` links: what they point at.
//!
//! The body names people, places and other documents with ordinary Markdown links whose
//! destination has a scheme (`[Cde. Beriya](person:beria)`, `[the telegram](doc:ID#p3)`). This
//! module reads such destinations; what a target means (an id, a name, a variant) is decided
//! in `resolve`, and the relative URL comes from `urls`.

use crate::model::document::LinkTarget;

/// What a link destination points at: `Ok(None)` for an ordinary link, `Err` for a scheme
/// with nothing after it. Schemes are read in any case, as URI schemes are (`Person:beria`).
pub(crate) fn target(destination: &str) -> Result<Option<LinkTarget>, &'static str> {
    let Some((scheme, rest)) = destination.split_once(':') else {
        return Ok(None);
    };
    let Some(scheme) = OURS
        .into_iter()
        .find(|ours| scheme.eq_ignore_ascii_case(ours))
    else {
        return Ok(None);
    };
    let rest = rest.trim();
    if rest.is_empty() || rest.starts_with('#') {
        return Err(scheme);
    }
    Ok(Some(match scheme {
        "person" => LinkTarget::Person(rest.to_owned()),
        "place" => LinkTarget::Place(rest.to_owned()),
        _ => {
            let (id, fragment) = rest.split_once('#').unwrap_or((rest, ""));
            LinkTarget::Document {
                id: id.to_owned(),
                fragment: (!fragment.is_empty()).then(|| fragment.to_owned()),
            }
        }
    }))
}

/// The schemes that name what the edition holds.
const OURS: [&str; 3] = ["person", "place", "doc"];

/// Which of our schemes an unknown scheme is a slip for (`persn:` for `person:`), so the link
/// is reported rather than dropped or written as a link that leads nowhere.
pub(crate) fn misspelt_scheme(destination: &str) -> Option<&'static str> {
    let scheme = scheme(destination)?;
    if is_safe_scheme(&scheme) || OURS.contains(&scheme.as_str()) {
        return None;
    }
    let closest = crate::diagnostics::closest(&scheme, OURS)?;
    OURS.into_iter().find(|ours| *ours == closest)
}

/// The destination's scheme, lower-cased and without the whitespace and control characters a
/// browser ignores in it; `None` for a relative address.
fn scheme(destination: &str) -> Option<String> {
    let (scheme, _) = destination.split_once(':')?;
    let scheme: String = scheme
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    // A colon after a path, query or fragment character does not end a scheme.
    (!scheme.contains(['/', '?', '#'])).then_some(scheme)
}

/// Whether a link or image destination is safe to write without `unsafe_html`: relative
/// addresses, fragments, and schemes a browser does not execute. Blocks `javascript:`,
/// `vbscript:` and `data:` however they are spelled (case, entities, stray whitespace).
pub(crate) fn is_safe(destination: &str) -> bool {
    scheme(destination).is_none_or(|scheme| is_safe_scheme(&scheme))
}

fn is_safe_scheme(scheme: &str) -> bool {
    matches!(
        scheme,
        "http"
            | "https"
            | "mailto"
            | "tel"
            | "ftp"
            | "ftps"
            | "geo"
            | "urn"
            | "doi"
            | "irc"
            | "news"
            | "sms"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_schemes_and_fragments() {
        assert_eq!(
            target("person:beria"),
            Ok(Some(LinkTarget::Person("beria".into())))
        );
        assert_eq!(
            target("doc:a-b#p3"),
            Ok(Some(LinkTarget::Document {
                id: "a-b".into(),
                fragment: Some("p3".into())
            }))
        );
        assert_eq!(target("https://example.org/"), Ok(None));
        assert_eq!(target("person:"), Err("person"));
        assert_eq!(target("doc:#p1"), Err("doc"));
        assert_eq!(
            target("Person:beria"),
            Ok(Some(LinkTarget::Person("beria".into())))
        );
        assert_eq!(
            target("DOC:a"),
            Ok(Some(LinkTarget::Document {
                id: "a".into(),
                fragment: None
            }))
        );
    }

    #[test]
    fn slips_of_our_schemes_are_recognised() {
        assert_eq!(misspelt_scheme("persn:beria"), Some("person"));
        assert_eq!(misspelt_scheme("plase:tiflis"), Some("place"));
        assert_eq!(misspelt_scheme("dco:a"), Some("doc"));
        for url in [
            "https://a.org/",
            "javascript:x",
            "mailto:a@b.org",
            "notes.html",
            "person:a",
        ] {
            assert_eq!(misspelt_scheme(url), None, "{url}");
        }
    }

    #[test]
    fn executable_schemes_are_unsafe_however_spelled() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            " java\tscript:x",
            "vbscript:x",
            "data:text/html,x",
        ] {
            assert!(!is_safe(url), "{url:?} must be refused");
        }
        for url in [
            "https://example.org/",
            "../people/a/index.html",
            "#p3",
            "mailto:a@b.org",
            "a/b:c",
        ] {
            assert!(is_safe(url), "{url:?} must be allowed");
        }
    }
}
