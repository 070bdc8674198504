#include "core/tokens/claim_explanations.h"

#include <cmath>
#include <cstdint>

namespace userpool {
namespace {

struct Entry {
  std::string_view name;
  std::string_view text;
};

constexpr std::string_view kNotCognitoClaim = "Not a claim Cognito sets.";
constexpr std::string_view kNotCognitoHeader = "Not a header member Cognito sets.";

constexpr Entry kHeader[] = {
    {"alg", "The algorithm the token was signed with. Cognito signs ID and access tokens with RS256 (RSA with "
            "SHA-256); a verifier insists on it and never accepts \"none\". In a refresh token, RSA-OAEP: how the "
            "content key was encrypted."},
    {"kid", "Key ID: which key of the user pool's JWKS signed this token. ID and access tokens are signed with "
            "different keys, so their kids differ."},
    {"typ", "The token's media type (\"JWT\"). Cognito's tokens leave it out."},
    {"cty", "Content type: \"JWT\" means the encrypted content is itself a token (Cognito's refresh tokens)."},
    {"enc", "How the content is encrypted: A256GCM is AES-256 in Galois/Counter Mode (Cognito's refresh tokens)."},
};

// From the Developer Guide: "Understanding the identity (ID) token" and "Understanding the access token".
constexpr Entry kClaims[] = {
    // Registered JWT claims (RFC 7519).
    {"sub", "Subject: the user's unique, permanent ID in this user pool (a UUID). Key your own records on it, not on "
            "the username or email: it never changes and is never reused."},
    {"iss", "Issuer: the user pool that issued the token, https://cognito-idp.<Region>.amazonaws.com/<user pool ID>. "
            "A verifier checks it names the expected pool; the pool's keys are at this address plus "
            "/.well-known/jwks.json."},
    {"aud", "Audience (ID tokens): the ID of the app client the user signed in to. Your app checks it is its own "
            "client ID. Access tokens name the client in client_id instead."},
    {"exp", "Expiration time, in seconds since 1970 (UTC). After it the token must be refused. It is iat plus the "
            "app client's validity for this kind of token (one hour by default)."},
    {"iat", "Issued at: when this token was made, in seconds since 1970. Refreshing gives new tokens with a new iat."},
    {"nbf", "Not before: the token must not be accepted before this time. Cognito's ID and access tokens do not "
            "carry it."},
    {"jti", "JWT ID: unique to this one token (a UUID), for telling tokens apart in logs or a deny list."},
    // Cognito's own claims.
    {"token_use", "Which token this is: \"id\" (who the user is, for your app) or \"access\" (what the bearer may "
                  "call). Verifiers check it, so an ID token is refused where an access token is expected."},
    {"cognito:username", "The user's username in the pool (ID tokens). In a pool where users sign in with an email "
                         "address or phone number, it is the sub, not what the user typed."},
    {"username", "The user's username in the pool (access tokens; the ID token calls it cognito:username). In a pool "
                 "where users sign in with an email address or phone number, it is the sub."},
    {"client_id", "The app client the token was issued to (access tokens, which have no aud). An API that accepts "
                  "the token checks it is a client it trusts."},
    {"scope", "What the access token allows, space-separated. Tokens from the API (InitiateAuth) carry "
              "aws.cognito.signin.user.admin: the user's own operations (GetUser, UpdateUserAttributes, "
              "ChangePassword, ...). Tokens from the hosted UI and the token endpoint list the OAuth scopes granted "
              "(openid, email, profile, and custom scopes such as <resource server>/<scope>); an API Gateway method with "
              "authorizationScopes lets the token through when one of them is here. That is why APIs take the access "
              "token, never the ID token: the ID token has no scope, it only says who the user is."},
    {"origin_jti", "The sign-in this token descends from, shared by every token refreshed from the same refresh "
                   "token. RevokeToken on that refresh token revokes every token with this origin_jti. Present when "
                   "the app client has token revocation on."},
    {"event_id", "The sign-in event (a UUID) the token comes from: the ID and access tokens of one sign-in share it."},
    {"auth_time", "When the user actually signed in, in seconds since 1970. Refreshing keeps it unchanged, so it "
                  "tells how long ago the user last proved who they are."},
    {"cognito:groups", "The names of the groups the user belongs to, only when there is at least one. Handy for "
                       "role-based access in your app."},
    {"cognito:roles", "The IAM role ARNs of the user's groups (an identity pool can hand out their credentials)."},
    {"cognito:preferred_role", "The IAM role of the user's highest-precedence group that has one."},
    {"device_key", "The device remembered at sign-in (access tokens, when device tracking is on)."},
    {"version", "The access token format version: 2 in tokens from the hosted UI and the token endpoint; API "
                "sign-ins leave it out."},
    // User attributes, which ID tokens carry (never access tokens).
    {"email_verified", "Whether the user proved the email address is theirs: a boolean in the token, although the "
                       "API stores the text \"true\". Do not trust an email address that is not verified."},
    {"phone_number_verified", "Whether the user proved the phone number is theirs (a boolean in the token)."},
    {"email", "User attribute: the user's email address (ID tokens only)."},
    {"phone_number", "User attribute: the user's phone number in E.164 form, +<country><number> (ID tokens only)."},
    {"name", "User attribute: the user's full name (ID tokens only)."},
    {"given_name", "User attribute: the user's first name (ID tokens only)."},
    {"family_name", "User attribute: the user's surname (ID tokens only)."},
    {"middle_name", "User attribute: the user's middle name (ID tokens only)."},
    {"nickname", "User attribute: a casual name (ID tokens only)."},
    {"preferred_username", "User attribute: a name the user chose; an alias to sign in with when the pool allows "
                           "it (ID tokens only)."},
    {"profile", "User attribute: the address of the user's profile page (ID tokens only)."},
    {"picture", "User attribute: the address of the user's picture (ID tokens only)."},
    {"website", "User attribute: the user's web site (ID tokens only)."},
    {"gender", "User attribute: the user's gender, as they gave it (ID tokens only)."},
    {"birthdate", "User attribute: the user's date of birth, YYYY-MM-DD (ID tokens only)."},
    {"zoneinfo", "User attribute: the user's time zone, e.g. Europe/Paris (ID tokens only)."},
    {"locale", "User attribute: the user's language and country, e.g. en-US (ID tokens only)."},
    {"address", "User attribute: the user's postal address, as an object whose \"formatted\" member holds it (ID "
                "tokens only)."},
    {"updated_at", "User attribute: when the user's attributes last changed, in seconds since 1970 (ID tokens only)."},
    // OAuth and federation extras.
    {"identities", "How the user signs in from outside: one entry per identity provider account (Google, Facebook, "
                   "SAML, ...). userId is the provider's ID for the user (the part after <Provider>_ in the user name), "
                   "issuer the SAML provider's entity ID (null for social ones), primary \"true\" for the identity the "
                   "user was made by and \"false\" for one linked to an existing user (AdminLinkProviderForUser), "
                   "dateCreated the first sign-in in milliseconds since 1970. primary and dateCreated are strings."},
    {"at_hash", "Access token hash: the left half of the SHA-256 of the access token issued alongside, base64url. A "
                "client can check the two tokens belong together (hosted UI sign-ins)."},
    {"nonce", "The value your app sent in its authorization request (hosted UI), echoed so the app can refuse a "
              "replayed ID token."},
};

constexpr std::string_view kCustomAttribute =
    "A custom attribute of this user pool (custom:<name>). Always a string in the token, even for a Number "
    "attribute; ID tokens only, and only when the app client may read it.";

template <std::size_t N>
const Entry* find(const Entry (&table)[N], std::string_view name) {
  for (const Entry& e : table)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

ClaimExplanation explain_claim(std::string_view name) {
  if (const Entry* e = find(kClaims, name)) return {e->text, true};
  if (name.starts_with("custom:") && name.size() > 7) return {kCustomAttribute, true};
  return {kNotCognitoClaim, false};
}

ClaimExplanation explain_header_member(std::string_view name) {
  if (const Entry* e = find(kHeader, name)) return {e->text, name != "typ"};
  return {kNotCognitoHeader, false};
}

bool is_time_claim(std::string_view name) {
  return name == "exp" || name == "iat" || name == "auth_time" || name == "nbf" || name == "updated_at";
}

std::string format_utc(double epoch_seconds) {
  // Claims far outside the calendar (a learner typed 1e300) would overflow
  // the millisecond count; such a value is no date to show.
  if (!std::isfinite(epoch_seconds) || std::fabs(epoch_seconds) > 1e13) return "not a date";
  std::string iso = to_iso8601(from_epoch_millis(static_cast<std::int64_t>(std::floor(epoch_seconds)) * 1000));
  iso[10] = ' ';
  return iso.substr(0, 19) + " UTC";
}

std::string describe_claim_time(std::string_view name, double epoch_seconds, Timestamp now) {
  if (!is_time_claim(name) || !std::isfinite(epoch_seconds) || std::fabs(epoch_seconds) > 1e13) return {};
  const auto delta = Millis(static_cast<std::int64_t>(std::llround((epoch_seconds - to_epoch_seconds(now)) * 1000)));
  const bool future = delta > Millis{0};
  const std::string amount = format_duration(delta);
  if (name == "exp") return future ? "expires in " + amount : "expired " + amount + " ago";
  if (name == "nbf") return future ? "valid in " + amount : "valid since " + amount + " ago";
  const char* verb = name == "iat" ? "issued " : name == "auth_time" ? "signed in " : "updated ";
  return future ? std::string(verb) + "in " + amount + " (in the future)" : verb + amount + " ago";
}

}  // namespace userpool
