//! The portal as an OpenID Connect relying party of the national identity platform
//! (VNeID; in development and tests, the local sandbox provider). Authorization code
//! flow with PKCE (S256), `state` and `nonce`; the provider is found by discovery from
//! the issuer URL; the ID token's signature (against the provider's published keys),
//! issuer, audience, expiry and nonce are checked by the `openidconnect` crate, and the
//! access token's hash when the token carries one. The person's details come from the
//! user-info endpoint, bound to the ID token's subject. Nothing the provider returns
//! reaches the browser: the server keeps a session and the browser an HttpOnly cookie.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use openidconnect::core::{CoreAuthenticationFlow, CoreClient};
use openidconnect::{
    AccessTokenHash, AdditionalClaims, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, GenderClaim, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, TokenResponse, UserInfoClaims,
};
use portal_core::validators::personal_id::parse_personal_id;
use portal_core::validators::{Date, Sex};
use serde::{Deserialize, Serialize};

use super::{Address, Business, Identity, IdentityKind};

/// The path the provider sends the browser back to.
pub const CALLBACK_PATH: &str = portal_api::paths::template::SIGN_IN_CALLBACK;

/// What the portal asks the provider to share: the standard profile claims plus the
/// `vneid` scope (personal ID number and, for a representative, the business).
const SCOPES: [&str; 5] = ["profile", "email", "phone", "address", "vneid"];

/// How long a call to the provider may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The claims beyond the standard ones the portal needs.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct VneidClaims {
    #[serde(default)]
    personal_id: Option<String>,
    #[serde(default)]
    business: Option<Business>,
}
impl AdditionalClaims for VneidClaims {}

/// `gender` as the provider sends it ("male" / "female").
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Gender(String);
impl GenderClaim for Gender {}

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the identity provider's address is not a URL: {0}")]
    Url(String),
    #[error("the identity provider {issuer} could not be discovered: {message}")]
    Discovery { issuer: String, message: String },
    #[error("the identity provider refused the code: {0}")]
    Token(String),
    #[error("the identity provider's ID token failed its checks: {0}")]
    IdToken(String),
    #[error("the identity provider's user information could not be read: {0}")]
    UserInfo(String),
    #[error("the identity provider did not share {0}")]
    MissingClaim(&'static str),
    #[error("the identity provider shared an unusable {0}")]
    BadClaim(&'static str),
}

/// A sign-in started: where to send the browser, and what to keep until it returns.
pub struct Started {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub verifier: String,
}

/// A person the provider vouched for.
pub struct Verified {
    pub identity: Identity,
    pub assurance_level: u8,
}

/// The discovered provider and this portal's registration with it.
pub struct RelyingParty {
    issuer: IssuerUrl,
    client_id: ClientId,
    secret: ClientSecret,
    redirect: RedirectUrl,
    post_logout: PostLogoutRedirectUrl,
    http: reqwest::Client,
    /// Re-discovered when the provider's signing keys change.
    provider: RwLock<Arc<Discovered>>,
}

struct Discovered {
    client: Client,
    end_session: Option<String>,
}

impl RelyingParty {
    /// Discovers the provider. `origin` is this portal's public origin, which the
    /// callback and the post-sign-out address are registered under.
    pub async fn discover(
        issuer: &str,
        client_id: &str,
        secret: &str,
        origin: &str,
    ) -> Result<RelyingParty, OidcError> {
        let url = |s: String| s.parse().map_err(|_| OidcError::Url(s));
        // Kept exactly as configured: the provider's metadata must name the same string.
        let issuer_url =
            IssuerUrl::new(issuer.to_string()).map_err(|_| OidcError::Url(issuer.into()))?;
        let redirect = RedirectUrl::from_url(url(format!("{origin}{CALLBACK_PATH}"))?);
        let post_logout = PostLogoutRedirectUrl::from_url(url(format!("{origin}/"))?);
        let http = reqwest::Client::builder()
            // Following redirects would let a response send the server anywhere.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .map_err(|e| OidcError::Discovery {
                issuer: issuer.into(),
                message: e.to_string(),
            })?;
        let rp_parts = (
            ClientId::new(client_id.into()),
            ClientSecret::new(secret.into()),
        );
        let provider = Self::fetch(&issuer_url, &rp_parts.0, &rp_parts.1, &redirect, &http).await?;
        Ok(RelyingParty {
            issuer: issuer_url,
            client_id: rp_parts.0,
            secret: rp_parts.1,
            redirect,
            post_logout,
            http,
            provider: RwLock::new(Arc::new(provider)),
        })
    }

    async fn fetch(
        issuer: &IssuerUrl,
        client_id: &ClientId,
        secret: &ClientSecret,
        redirect: &RedirectUrl,
        http: &reqwest::Client,
    ) -> Result<Discovered, OidcError> {
        let failed = |message: String| OidcError::Discovery {
            issuer: issuer.to_string(),
            message,
        };
        let metadata = ProviderMetadataWithLogout::discover_async(issuer.clone(), http)
            .await
            .map_err(|e| failed(error_chain(&e)))?;
        let end_session = metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()
            .map(|u| u.url().to_string());
        let client =
            CoreClient::from_provider_metadata(metadata, client_id.clone(), Some(secret.clone()))
                .set_redirect_uri(redirect.clone());
        Ok(Discovered {
            client,
            end_session,
        })
    }

    fn current(&self) -> Arc<Discovered> {
        self.provider
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The provider's authorization URL with fresh state, nonce and PKCE challenge.
    pub fn start(&self, ui_locale: &str) -> Started {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let provider = self.current();
        let mut request = provider.client.authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        );
        for scope in SCOPES {
            request = request.add_scope(Scope::new(scope.into()));
        }
        let (url, state, nonce) = request
            .set_pkce_challenge(challenge)
            .add_extra_param("ui_locales", ui_locale)
            .url();
        Started {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
        }
    }

    /// Exchanges the code, checks the ID token, and reads the person's details.
    pub async fn finish(
        &self,
        code: &str,
        verifier: &str,
        nonce: &str,
    ) -> Result<Verified, OidcError> {
        let provider = self.current();
        let token = provider
            .client
            .exchange_code(AuthorizationCode::new(code.into()))
            .map_err(|e| OidcError::Token(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(verifier.into()))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Token(error_chain(&e)))?;
        let id_token = token
            .id_token()
            .ok_or(OidcError::IdToken("no ID token".into()))?;
        let nonce = Nonce::new(nonce.into());
        let checked = {
            let verifier = provider.client.id_token_verifier();
            id_token.claims(&verifier, &nonce).cloned()
        };
        let (claims, provider) = match checked {
            Ok(c) => (c, provider),
            // The provider may have rotated its keys: look again, once.
            Err(first) => {
                let fresh = Arc::new(
                    Self::fetch(
                        &self.issuer,
                        &self.client_id,
                        &self.secret,
                        &self.redirect,
                        &self.http,
                    )
                    .await?,
                );
                *self.provider.write().unwrap_or_else(|p| p.into_inner()) = fresh.clone();
                let claims = {
                    let verifier = fresh.client.id_token_verifier();
                    id_token.claims(&verifier, &nonce).cloned().map_err(|e| {
                        OidcError::IdToken(format!("{first}; after fetching the keys again: {e}"))
                    })?
                };
                (claims, fresh)
            }
        };
        if let Some(expected) = claims.access_token_hash() {
            let verifier = provider.client.id_token_verifier();
            let alg = id_token
                .signing_alg()
                .map_err(|e| OidcError::IdToken(e.to_string()))?;
            let key = id_token
                .signing_key(&verifier)
                .map_err(|e| OidcError::IdToken(e.to_string()))?;
            let actual = AccessTokenHash::from_token(token.access_token(), alg, key)
                .map_err(|e| OidcError::IdToken(e.to_string()))?;
            if actual != *expected {
                return Err(OidcError::IdToken("the access token hash differs".into()));
            }
        }
        let assurance_level = claims
            .auth_context_ref()
            .and_then(|acr| acr.as_str().chars().last())
            .and_then(|c| c.to_digit(10))
            .map_or(1, |d| d as u8);
        let info: UserInfoClaims<VneidClaims, Gender> = provider
            .client
            .user_info(token.access_token().clone(), Some(claims.subject().clone()))
            .map_err(|e| OidcError::UserInfo(e.to_string()))?
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::UserInfo(error_chain(&e)))?;
        Ok(Verified {
            identity: identity_of(&info)?,
            assurance_level,
        })
    }

    /// Where the browser goes to end the provider's session too (RP-initiated logout),
    /// coming back to the portal's home page.
    pub fn sign_out_url(&self) -> Option<String> {
        let end = self.current().end_session.clone()?;
        let mut url: reqwest::Url = end.parse().ok()?;
        url.query_pairs_mut()
            .append_pair("client_id", self.client_id.as_str())
            .append_pair("post_logout_redirect_uri", self.post_logout.as_str());
        Some(url.to_string())
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// The person as the contract knows them, from the provider's claims; every field the
/// forms prefill from is required and checked.
fn identity_of(info: &UserInfoClaims<VneidClaims, Gender>) -> Result<Identity, OidcError> {
    let c = info.standard_claims();
    let extra = info.additional_claims();
    let name = c
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.as_str().trim().to_string())
        .filter(|n| !n.is_empty())
        .ok_or(OidcError::MissingClaim("name"))?;
    let birth = c.birthdate().ok_or(OidcError::MissingClaim("birthdate"))?;
    let date_of_birth = Date::parse_iso(birth.as_str()).ok_or(OidcError::BadClaim("birthdate"))?;
    let sex = match c.gender().map(|g| g.0.as_str()) {
        Some("male") => Sex::Male,
        Some("female") => Sex::Female,
        Some(_) => return Err(OidcError::BadClaim("gender")),
        None => return Err(OidcError::MissingClaim("gender")),
    };
    let id_number = extra
        .personal_id
        .clone()
        .ok_or(OidcError::MissingClaim("personal_id"))?;
    if parse_personal_id(&id_number, None).is_err() {
        return Err(OidcError::BadClaim("personal_id"));
    }
    let address = c.address().ok_or(OidcError::MissingClaim("address"))?;
    let part = |v: Option<&str>, what| {
        v.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .ok_or(OidcError::MissingClaim(what))
    };
    let permanent_address = Address {
        province_code: part(
            address.region.as_ref().map(|r| r.as_str()),
            "address.region",
        )?,
        commune_code: part(
            address.locality.as_ref().map(|l| l.as_str()),
            "address.locality",
        )?,
        street: part(
            address.street_address.as_ref().map(|s| s.as_str()),
            "address.street_address",
        )?,
    };
    Ok(Identity {
        subject: info.subject().as_str().to_string(),
        kind: if extra.business.is_some() {
            IdentityKind::Business
        } else {
            IdentityKind::Citizen
        },
        full_name: name,
        date_of_birth,
        sex,
        id_number,
        phone: c
            .phone_number()
            .map(|p| p.as_str().to_string())
            .ok_or(OidcError::MissingClaim("phone_number"))?,
        email: c
            .email()
            .map(|e| e.as_str().to_string())
            .ok_or(OidcError::MissingClaim("email"))?,
        permanent_address,
        business: extra.business.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(json: serde_json::Value) -> UserInfoClaims<VneidClaims, Gender> {
        UserInfoClaims::from_json::<reqwest::Error>(json.to_string().as_bytes(), None)
            .expect("claims parse")
    }

    fn full() -> serde_json::Value {
        serde_json::json!({
            "sub": "s-1", "name": "Nguyễn Văn An", "birthdate": "1985-03-14", "gender": "male",
            "email": "a@sandbox.example", "phone_number": "0912000101",
            "address": {"street_address": "Số 12", "locality": "00004", "region": "01"},
            "personal_id": "001085012345"
        })
    }

    #[test]
    fn claims_become_the_person_forms_prefill_from() {
        let i = identity_of(&claims(full())).unwrap();
        assert_eq!(i.subject, "s-1");
        assert_eq!(i.kind, IdentityKind::Citizen);
        assert_eq!(i.sex, Sex::Male);
        assert_eq!(i.permanent_address.commune_code, "00004");
        let mut with_business = full();
        with_business["business"] =
            serde_json::json!({"name": "Công ty A", "tax_code": "0109876532", "role": "Giám đốc"});
        let b = identity_of(&claims(with_business)).unwrap();
        assert_eq!(b.kind, IdentityKind::Business);
    }

    #[test]
    fn missing_or_unusable_claims_refuse_the_sign_in() {
        for (field, want) in [
            ("personal_id", "personal_id"),
            ("birthdate", "birthdate"),
            ("address", "address"),
            ("name", "name"),
        ] {
            let mut c = full();
            c.as_object_mut().unwrap().remove(field);
            let e = identity_of(&claims(c)).expect_err("refused");
            assert!(e.to_string().contains(want), "{field}: {e}");
        }
        let mut c = full();
        c["personal_id"] = serde_json::json!("12345");
        assert!(matches!(
            identity_of(&claims(c)),
            Err(OidcError::BadClaim("personal_id"))
        ));
        let mut c = full();
        c["birthdate"] = serde_json::json!("14/03/1985");
        assert!(matches!(
            identity_of(&claims(c)),
            Err(OidcError::BadClaim("birthdate"))
        ));
    }
}
