// Saved state of users (see state.h).
#include "core/model/pool_state.h"

namespace userpool {
namespace {


Json verifier_json(const srp::PasswordVerifier& v) { return Json{{"Salt", v.salt}, {"Verifier", v.verifier}}; }
srp::PasswordVerifier verifier_of(const Json& j) {
  srp::PasswordVerifier v{j.at("Salt").get<std::string>(), j.at("Verifier").get<std::string>()};
  if (!BigNum::from_hex(v.salt) || !BigNum::from_hex(v.verifier)) throw std::runtime_error("a password verifier is not hex");
  return v;
}

Json code_json(const Code& c) { return Json{{"Value", c.value}, {"ExpiresAt", state_millis(c.expires_at)}, {"Attribute", c.attribute}}; }
Code code_of(const Json& j) {
  return Code{j.at("Value").get<std::string>(), state_instant(j.at("ExpiresAt")), j.at("Attribute").get<std::string>()};
}

Json attributes_json(const AttributeList& list) {
  Json j = Json::array();
  for (const auto& [n, v] : list) j.push_back(Json::array({n, v}));
  return j;
}
AttributeList attributes_of(const Json& j) {
  AttributeList list;
  for (const Json& kv : j.get_ref<const Json::array_t&>()) list.emplace_back(kv.at(0).get<std::string>(), kv.at(1).get<std::string>());
  return list;
}

}  // namespace

Json user_to_state(const User& u) {
  Json j = {{"Seq", u.seq}, {"Username", u.username}, {"Sub", u.sub}, {"Attributes", attributes_json(u.attributes)},
            {"Status", u.status}, {"Enabled", u.enabled}, {"Created", state_millis(u.created)}, {"LastModified", state_millis(u.last_modified)}};
  if (u.password) j["Password"] = verifier_json(*u.password);
  j["PasswordSetAt"] = state_millis(u.password_set_at);
  j["PasswordHistory"] = Json::array();
  for (const auto& v : u.password_history) j["PasswordHistory"].push_back(verifier_json(v));
  if (u.sign_up_code) j["SignUpCode"] = code_json(*u.sign_up_code);
  if (u.reset_code) j["ResetCode"] = code_json(*u.reset_code);
  j["AttributeCodes"] = Json::object();
  for (const auto& [name, c] : u.attribute_codes) j["AttributeCodes"][name] = code_json(c);
  j["PendingAttributes"] = attributes_json(u.pending_attributes);
  j["Mfa"] = {{"SmsEnabled", u.sms_mfa_enabled}, {"SoftwareTokenEnabled", u.software_token_mfa_enabled},
              {"Preferred", u.preferred_mfa}, {"TotpSecret", u.totp_secret}, {"TotpPendingSecret", u.totp_pending_secret},
              {"LastTotpStep", u.last_totp_step}};
  j["Lockout"] = {{"FailedSignIns", u.failed_sign_ins}, {"LockedUntil", state_millis(u.locked_until)}};
  if (u.last_sign_in_attempt) j["Lockout"]["LastAttempt"] = state_millis(*u.last_sign_in_attempt);
  j["RecentActions"] = Json::object();
  for (const auto& [action, times] : u.recent_actions) {
    Json list = Json::array();
    for (const auto t : times) list.push_back(state_millis(t));
    j["RecentActions"][action] = list;
  }
  j["Lineages"] = Json::array();
  for (const auto& l : u.lineages) {
    Json lj{{"OriginJti", l.origin_jti}, {"ClientId", l.client_id}, {"AuthTime", state_millis(l.auth_time)},
            {"RefreshExpiresAt", state_millis(l.refresh_expires_at)}, {"EventIds", l.event_ids},
            {"Revoked", l.revoked}, {"RefreshJti", l.refresh_jti},
            {"PreviousRefreshJti", l.previous_refresh_jti}, {"RotatedAt", state_millis(l.rotated_at)}};
    // Only for sign-ins through the OAuth endpoints, so older documents export as they were.
    if (l.oauth_scopes) lj["OAuthScopes"] = *l.oauth_scopes;
    j["Lineages"].push_back(std::move(lj));
  }
  j["Groups"] = u.groups;
  return j;
}

User user_from_state(const Json& j) {
  User u;
  u.seq = j.at("Seq").get<std::uint64_t>();
  u.username = j.at("Username").get<std::string>();
  u.sub = j.at("Sub").get<std::string>();
  u.attributes = attributes_of(j.at("Attributes"));
  u.status = j.at("Status").get<std::string>();
  u.enabled = j.at("Enabled").get<bool>();
  u.created = state_instant(j.at("Created"));
  u.last_modified = state_instant(j.at("LastModified"));
  if (j.contains("Password")) u.password = verifier_of(j.at("Password"));
  u.password_set_at = state_instant(j.at("PasswordSetAt"));
  for (const Json& v : j.at("PasswordHistory").get_ref<const Json::array_t&>()) u.password_history.push_back(verifier_of(v));
  if (j.contains("SignUpCode")) u.sign_up_code = code_of(j.at("SignUpCode"));
  if (j.contains("ResetCode")) u.reset_code = code_of(j.at("ResetCode"));
  for (const auto& [name, c] : j.at("AttributeCodes").get_ref<const Json::object_t&>()) u.attribute_codes[name] = code_of(c);
  u.pending_attributes = attributes_of(j.at("PendingAttributes"));
  const Json& mfa = j.at("Mfa");
  u.sms_mfa_enabled = mfa.at("SmsEnabled").get<bool>();
  u.software_token_mfa_enabled = mfa.at("SoftwareTokenEnabled").get<bool>();
  u.preferred_mfa = mfa.at("Preferred").get<std::string>();
  u.totp_secret = mfa.at("TotpSecret").get<std::string>();
  u.totp_pending_secret = mfa.at("TotpPendingSecret").get<std::string>();
  u.last_totp_step = mfa.at("LastTotpStep").get<std::int64_t>();
  const Json& lock = j.at("Lockout");
  u.failed_sign_ins = lock.at("FailedSignIns").get<int>();
  u.locked_until = state_instant(lock.at("LockedUntil"));
  if (lock.contains("LastAttempt")) u.last_sign_in_attempt = state_instant(lock.at("LastAttempt"));
  for (const auto& [action, times] : j.at("RecentActions").get_ref<const Json::object_t&>())
    for (const Json& t : times.get_ref<const Json::array_t&>()) u.recent_actions[action].push_back(state_instant(t));
  for (const Json& l : j.at("Lineages").get_ref<const Json::array_t&>()) {
    TokenLineage t;
    t.origin_jti = l.at("OriginJti").get<std::string>();
    t.client_id = l.at("ClientId").get<std::string>();
    t.auth_time = state_instant(l.at("AuthTime"));
    t.refresh_expires_at = state_instant(l.at("RefreshExpiresAt"));
    t.event_ids = l.at("EventIds").get<std::vector<std::string>>();
    t.revoked = l.at("Revoked").get<bool>();
    t.refresh_jti = l.at("RefreshJti").get<std::string>();
    t.previous_refresh_jti = l.at("PreviousRefreshJti").get<std::string>();
    t.rotated_at = state_instant(l.at("RotatedAt"));
    if (l.contains("OAuthScopes")) t.oauth_scopes = l.at("OAuthScopes").get<std::vector<std::string>>();
    u.lineages.push_back(std::move(t));
  }
  u.groups = j.at("Groups").get<std::vector<std::string>>();
  if (u.seq == 0 || u.username.empty() || u.sub.empty()) throw std::runtime_error("a user has no sequence, username or sub");
  return u;
}

}  // namespace userpool
