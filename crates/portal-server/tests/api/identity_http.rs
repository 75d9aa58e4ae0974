//! The sandbox identity provider and sessions over real HTTP: the sign-in round trip,
//! the cookie's attributes, who is signed in, sign-out, expiry, and every refusal.

use crate::common;

use std::time::Duration;

use crate::common::portal::{self, client, cookie_pair, sign_in, state_of, CITIZEN, STAFF};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn sign_in_round_trip_sets_a_safe_cookie_and_comes_back() {
    let s = common::start().await;
    let c = client();
    let r = c
        .get(format!(
            "{}/auth/sign-in?return_to=/services/birth-registration?step=2",
            s.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.headers()["cache-control"], "no-store");
    let page = r.text().await.unwrap();
    assert!(page.contains("<html lang=\"vi\">") && page.contains("lang=\"en\""));
    assert!(
        !page.contains("<script") && !page.contains("style="),
        "no script, no inline style"
    );
    for name in [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Minh Châu",
        "Phạm Quốc Dũng",
        "Đỗ Thu Hà",
    ] {
        assert!(page.contains(name), "{name} is offered");
    }
    assert!(
        page.contains("0109876532"),
        "the business shows its tax code"
    );
    assert!(
        page.contains("<label for=\"identity-0\">"),
        "every choice is labelled"
    );

    let state = state_of(&page);
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", state.as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        "/services/birth-registration?step=2"
    );
    let set_cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(set_cookie.starts_with("portal_session="));
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(
            set_cookie.contains(attribute),
            "{set_cookie} lacks {attribute}"
        );
    }
    assert!(!set_cookie.contains("Secure"), "plain HTTP: not Secure");
    assert!(!set_cookie.contains("Max-Age"), "a browser-session cookie");

    let cookie = cookie_pair(&set_cookie);
    let r = c
        .get(format!("{}/api/v1/session", s.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["signed_in"], true);
    assert_eq!(body["assurance_level"], 2);
    let user = &body["user"];
    assert_eq!(user["full_name"], "Nguyễn Văn An");
    assert_eq!(user["id_number"], "001085012345");
    assert_eq!(user["date_of_birth"], "1985-03-14");
    assert_eq!(user["sex"], "male");
    assert_eq!(user["permanent_address"]["province_code"], "01");
    assert_eq!(user["permanent_address"]["commune_code"], "00004");
    assert!(user["phone"].is_string() && user["email"].is_string());
    let text = body.to_string();
    assert!(
        !text.contains(cookie.trim_start_matches("portal_session=")),
        "no token in JSON"
    );

    // The one-time state cannot be used again.
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", state.as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn the_cookie_is_secure_behind_https_and_with_an_https_origin() {
    let s = common::start().await;
    let c = client();
    let page = c
        .get(format!("{}/auth/sign-in", s.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .header("x-forwarded-proto", "https")
        .form(&[("state", state_of(&page).as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));

    let s = common::start_with(|c| c.public_origin = Some("https://portal.example".into())).await;
    let page = c
        .get(format!("{}/auth/sign-in", s.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .header("origin", "https://portal.example")
        .form(&[("state", state_of(&page).as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("; Secure"));
}

#[tokio::test]
async fn sign_in_refusals() {
    let s = common::start().await;
    let c = client();
    let fresh_state = || async {
        let page = c
            .get(format!(
                "{}/auth/sign-in?return_to=https://evil.example/",
                s.base
            ))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        state_of(&page)
    };

    // No identity chosen: the form again, with an error summary and "Lỗi:" in the title.
    let state = fresh_state().await;
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", state.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let page = r.text().await.unwrap();
    assert!(page.contains("<title>Lỗi: "), "error in the title");
    assert!(page.contains("role=\"alert\"") && page.contains("href=\"#identity-0\""));
    assert_eq!(state_of(&page), state, "the same state stays usable");

    // An identity that does not exist is treated the same way.
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", state.as_str()), ("identity", "sandbox-nobody")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r.headers().get("set-cookie").is_none());

    // A form posted from another site is refused even with a valid state.
    for (header, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let r = c
            .post(format!("{}/auth/sign-in", s.base))
            .header(header, value)
            .form(&[("state", state.as_str()), ("identity", CITIZEN)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{header}");
        assert!(r.headers().get("set-cookie").is_none());
    }

    // A made-up state.
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", "0".repeat(64).as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // A return_to on another site is replaced by the home page: no open redirect.
    let r = c
        .post(format!("{}/auth/sign-in", s.base))
        .form(&[("state", state.as_str()), ("identity", CITIZEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/");
}

#[tokio::test]
async fn anonymous_and_signed_out_sessions() {
    let s = common::start().await;
    let c = client();
    let r = c
        .get(format!("{}/api/v1/session", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "no console error for anonymous visitors"
    );
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["signed_in"], false);
    assert_eq!(body["expired"], false);
    assert_eq!(body["sign_in_url"], "/auth/sign-in");

    let user = sign_in(&s.base, CITIZEN).await;
    // Sign-out needs the portal's header, like every change.
    let r = c
        .delete(format!("{}/api/v1/session", s.base))
        .header("cookie", &user.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        portal::error_code(r).await,
        (StatusCode::FORBIDDEN, "cross_site_request".into())
    );

    let r = user.delete("/api/v1/session").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // The built-in sandbox has no provider session to end.
    let out: Value = r.json().await.unwrap();
    assert_eq!(out, serde_json::json!({}));
    let (status, body) = user.get_json("/api/v1/session").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["signed_in"], false);
    assert_eq!(body["expired"], true);
    let r = user.get("/api/v1/dossiers").send().await.unwrap();
    assert_eq!(
        portal::error_code(r).await,
        (StatusCode::UNAUTHORIZED, "session_expired".into())
    );
    // Signing out twice is harmless.
    let r = user.delete("/api/v1/session").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // Never signed in: a different code, so the app can tell the two apart.
    let r = c
        .get(format!("{}/api/v1/dossiers", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        portal::error_code(r).await,
        (StatusCode::UNAUTHORIZED, "not_signed_in".into())
    );
    // A forged cookie is an ended session, not an error.
    let r = c
        .get(format!("{}/api/v1/dossiers", s.base))
        .header("cookie", "portal_session=forged")
        .send()
        .await
        .unwrap();
    assert_eq!(
        portal::error_code(r).await,
        (StatusCode::UNAUTHORIZED, "session_expired".into())
    );
}

#[tokio::test]
async fn idle_sessions_expire_with_a_clear_code() {
    // Sessions are timed in whole seconds, so one expires between `idle` and `idle + 1`
    // seconds after its last use: 2 s leaves a busy machine room for the checks that it
    // is still alive, and 3.1 s of silence is surely past it (1 s was flaky in CI).
    let s = common::start_with(|c| c.session_idle = Duration::from_secs(2)).await;
    let user = sign_in(&s.base, CITIZEN).await;
    let (status, body) = user.get_json("/api/v1/session").await;
    assert_eq!(
        (status, body["signed_in"].clone()),
        (StatusCode::OK, Value::Bool(true))
    );
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let r = user
        .submit("k1", &portal::submission("birth-registration", &[]))
        .await;
    let (status, code) = portal::error_code(r).await;
    assert_eq!(
        (status, code.as_str()),
        (StatusCode::UNAUTHORIZED, "session_expired")
    );
    let r = user.get("/api/v1/session").send().await.unwrap();
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["expired"], true);

    // Signing in again works, and a new session starts.
    let again = sign_in(&s.base, CITIZEN).await;
    assert_ne!(again.cookie, user.cookie);
    let (_, body) = again.get_json("/api/v1/session").await;
    assert_eq!(body["signed_in"], true);
}

#[tokio::test]
async fn staff_are_known_as_staff() {
    let s = common::start().await;
    let staff = sign_in(&s.base, STAFF).await;
    let (_, body) = staff.get_json("/api/v1/session").await;
    // A person like anyone else, whom the staff directory gives roles.
    assert_eq!(body["user"]["kind"], "citizen");
    assert_eq!(
        body["staff"]["roles"],
        serde_json::json!(["catalogue_editor", "dossier_officer"])
    );
    assert_eq!(body["sandbox"], true);
    let citizen = sign_in(&s.base, CITIZEN).await;
    let (_, body) = citizen.get_json("/api/v1/session").await;
    assert!(body.get("staff").is_none(), "{body}");
    let business = sign_in(&s.base, portal::BUSINESS).await;
    let (_, body) = business.get_json("/api/v1/session").await;
    assert_eq!(body["user"]["kind"], "business");
    assert_eq!(body["user"]["business"]["tax_code"], "0109876532");
}
