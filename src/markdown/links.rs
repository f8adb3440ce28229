//! `person:`, `place:` and `doc:` links: what they point at.
//!
//! The body names people, places and other documents with ordinary Markdown links whose
//! destination has a scheme (`[Cde. Beriya](person:beria)`, `[the telegram](doc:ID#p3)`). This
//! module reads such destinations; what a target means (an id, a name, a variant) is decided
//! in `resolve`, and the relative URL comes from `urls`.

use crate::model::document::LinkTarget;

/// What a link destination points at: `Ok(None)` for an ordinary link, `Err` for a scheme
/// with nothing after it.
pub(crate) fn target(destination: &str) -> Result<Option<LinkTarget>, &'static str> {
    let Some((scheme, rest)) = destination.split_once(':') else {
        return Ok(None);
    };
    let rest = rest.trim();
    match scheme {
        "person" | "place" | "doc" if rest.is_empty() || rest.starts_with('#') => {
            Err(match scheme {
                "person" => "person",
                "place" => "place",
                _ => "doc",
            })
        }
        "person" => Ok(Some(LinkTarget::Person(rest.to_owned()))),
        "place" => Ok(Some(LinkTarget::Place(rest.to_owned()))),
        "doc" => {
            let (id, fragment) = rest.split_once('#').unwrap_or((rest, ""));
            Ok(Some(LinkTarget::Document {
                id: id.to_owned(),
                fragment: (!fragment.is_empty()).then(|| fragment.to_owned()),
            }))
        }
        _ => Ok(None),
    }
}

/// Whether a link or image destination is safe to write without `unsafe_html`: relative
/// addresses, fragments, and schemes a browser does not execute. Blocks `javascript:`,
/// `vbscript:` and `data:` however they are spelled (case, entities, stray whitespace).
pub(crate) fn is_safe(destination: &str) -> bool {
    let Some(colon) = destination.find(':') else {
        return true;
    };
    let scheme: String = destination[..colon]
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    // A colon after a path, query or fragment character does not end a scheme.
    if scheme.contains(['/', '?', '#']) {
        return true;
    }
    matches!(
        scheme.as_str(),
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
