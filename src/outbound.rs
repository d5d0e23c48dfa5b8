//! Where the widget may send people: `https:` links to the national portal (dichvucong.gov.vn
//! and its subdomains) or to a host the catalog declares (`link_hosts`, from the commune's
//! overlay: the province's gazette, say). A web address in a catalog that is anything else
//! (another scheme, a look-alike host, user info, an odd port) is shown as text, never linked.

/// The national portal's host; its subdomains are allowed too.
pub const PORTAL_HOST: &str = "dichvucong.gov.vn";

/// `url`, trimmed, when it may be a link: `https:`, no user info, no port but 443, and a host that
/// is the portal's or one of `hosts`, or a subdomain of one. `None` otherwise.
pub fn allowed<'a>(url: &'a str, hosts: &[String]) -> Option<&'a str> {
    let url = url.trim();
    // Control characters, spaces and backslashes change how browsers split an address.
    if url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return None;
    }
    let rest = url.get(..8).filter(|scheme| scheme.eq_ignore_ascii_case("https://")).map(|_| &url[8..])?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.rsplit_once(':') {
        Some((host, "443")) => host,
        Some(_) => return None,
        None => authority,
    };
    let host = host.strip_suffix('.').unwrap_or(host);
    let plain = !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    (plain && std::iter::once(PORTAL_HOST).chain(hosts.iter().map(String::as_str)).any(|allowed| within(host, allowed)))
        .then_some(url)
}

/// Whether `host` is `allowed` or a subdomain of it (a whole label: `xdichvucong.gov.vn` is not).
fn within(host: &str, allowed: &str) -> bool {
    let allowed = allowed.trim().trim_end_matches('.');
    if allowed.is_empty() || host.len() < allowed.len() {
        return false;
    }
    let (front, tail) = host.split_at(host.len() - allowed.len());
    tail.eq_ignore_ascii_case(allowed) && (front.is_empty() || front.ends_with('.'))
}

/// Whether `host` is a host name a catalog may declare: letters, digits, `-` and `.`, at least two
/// labels, none empty (`haiphong.gov.vn`; not `https://…`, not `*.gov.vn`, not `vn`).
pub fn is_host_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts() -> Vec<String> {
        vec!["haiphong.gov.vn".into()]
    }

    #[test]
    fn the_portal_and_declared_hosts_with_their_subdomains_are_links() {
        for url in [
            "https://dichvucong.gov.vn",
            "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
            "https://lienthong.dichvucong.gov.vn/#/ke-khai/3.000722",
            "HTTPS://DichVuCong.gov.vn./x?y=1#z",
            "https://dichvucong.gov.vn:443/x",
            "https://sotp.haiphong.gov.vn/van-ban/nq-23-2026",
            "  https://haiphong.gov.vn  ",
        ] {
            assert_eq!(allowed(url, &hosts()), Some(url.trim()), "{url}");
        }
    }

    #[test]
    fn anything_else_is_text() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)//https://dichvucong.gov.vn",
            "data:text/html,<script>alert(1)</script>",
            "http://dichvucong.gov.vn",
            "//dichvucong.gov.vn",
            "https://dichvucong.gov.vn.evil.example/",
            "https://evil-dichvucong.gov.vn/",
            "https://xdichvucong.gov.vn/",
            "https://dichvucong.gov.vn@evil.example/",
            "https://user:pw@dichvucong.gov.vn/",
            "https://evil.example\\@dichvucong.gov.vn/",
            "https://evil.example/?https://dichvucong.gov.vn",
            "https://dichvucong.gov.vn:8443/",
            "https://dichvucong.gov.vn\n.evil.example",
            "https://dịchvụcông.gov.vn/",
            "https://dichvucong%2egov.vn/",
            "https://",
            "https://sotp.haiphong.gov.vn.evil.example/",
            "",
        ] {
            assert_eq!(allowed(url, &hosts()), None, "{url:?}");
        }
        // Without the declaration, the province's gazette is text too.
        assert_eq!(allowed("https://sotp.haiphong.gov.vn/x", &[]), None);
    }

    #[test]
    fn only_plain_host_names_may_be_declared() {
        assert!(is_host_name("haiphong.gov.vn") && is_host_name("dbndhaiphong.gov.vn"));
        for bad in ["https://haiphong.gov.vn", "*.gov.vn", "vn", "", "a..vn", "-a.vn", "a b.vn", "haiphong.gov.vn/"] {
            assert!(!is_host_name(bad), "{bad:?}");
        }
    }
}
