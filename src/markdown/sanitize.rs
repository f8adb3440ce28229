//! Raw HTML in Markdown, made safe: scripts, event handlers and `javascript:` URLs removed.
//!
//! Inline HTML arrives from the parser as loose tags (`<span lang="ru">`, then text, then
//! `</span>`), which cannot be cleaned one by one, so a body that contains any raw HTML is
//! cleaned whole after rendering. The allow-list keeps everything annals itself writes (ids,
//! classes, ARIA and data attributes, relative links); bodies without raw HTML skip this.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Cleans a rendered body (or note) that contained raw HTML.
pub(crate) fn clean(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_generic_attributes(["id", "class", "dir", "role"])
                .generic_attribute_prefixes(HashSet::from(["aria-", "data-"]))
                .add_tag_attributes("abbr", ["title"])
                .add_tag_attributes("ol", ["start", "reversed", "type"])
                .add_tag_attributes("td", ["style"])
                .link_rel(None)
                .url_relative(ammonia::UrlRelative::PassThrough);
            builder
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_and_handlers_but_keeps_our_markup() {
        let cleaned = clean(
            "<p id=\"p1\"><a class=\"pnum\" href=\"#p1\" aria-label=\"Paragraph 1\">1</a>\
             <span lang=\"ru\" onclick=\"x()\">да</span><script>alert(1)</script>\
             <a href=\"javascript:alert(1)\">x</a></p>",
        );
        assert!(!cleaned.contains("script"), "{cleaned}");
        assert!(!cleaned.contains("onclick"), "{cleaned}");
        assert!(!cleaned.contains("javascript"), "{cleaned}");
        assert!(cleaned.contains("<span lang=\"ru\">да</span>"), "{cleaned}");
        assert!(cleaned.contains("aria-label=\"Paragraph 1\""), "{cleaned}");
        assert!(cleaned.contains("id=\"p1\""), "{cleaned}");
    }
}
