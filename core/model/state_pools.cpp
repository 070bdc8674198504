// Saved state of user pools: configuration, keys, app clients, groups,
// challenge sessions and users (see state.h).
#include <algorithm>

#include "core/base/identifiers.h"
#include "core/model/pool_state.h"

namespace userpool {
namespace {


template <typename T>
std::optional<T> optional_of(const Json& j, const char* member) {
  return j.contains(member) ? std::optional<T>(j.at(member).get<T>()) : std::nullopt;
}

Json config_to_state(const PoolConfig& c) {
  const PasswordPolicy& p = c.password_policy;
  Json schema = Json::array();
  for (const auto& a : c.schema) {
    Json s = a.to_json();
    s["Custom"] = a.custom;
    schema.push_back(s);
  }
  Json j = {
      {"Name", c.name},
      {"PasswordPolicy", {{"MinimumLength", p.minimum_length}, {"RequireUppercase", p.require_uppercase},
                          {"RequireLowercase", p.require_lowercase}, {"RequireNumbers", p.require_numbers},
                          {"RequireSymbols", p.require_symbols}, {"PasswordHistorySize", p.password_history_size},
                          {"TemporaryPasswordValidityDays", p.temporary_password_validity_days}}},
      {"SignInPolicy", c.sign_in_policy},
      {"DeletionProtection", c.deletion_protection},
      {"LambdaConfig", c.lambda_config},
      {"AutoVerifiedAttributes", c.auto_verified_attributes},
      {"AliasAttributes", c.alias_attributes},
      {"UsernameAttributes", c.username_attributes},
      {"Verification", {{"SmsMessage", c.verification.sms_message}, {"EmailMessage", c.verification.email_message},
                        {"EmailSubject", c.verification.email_subject},
                        {"EmailMessageByLink", c.verification.email_message_by_link},
                        {"EmailSubjectByLink", c.verification.email_subject_by_link},
                        {"DefaultEmailOption", c.verification.default_email_option}}},
      {"AttributesRequireVerificationBeforeUpdate", c.attributes_require_verification_before_update},
      {"Mfa", to_string(c.mfa)},
      {"SmsMfaEnabled", c.sms_mfa_enabled},
      {"SoftwareTokenMfaEnabled", c.software_token_mfa_enabled},
      {"DeviceConfiguration", c.device_configuration},
      {"Email", {{"SendingAccount", c.email.sending_account}, {"SourceArn", c.email.source_arn}, {"From", c.email.from},
                 {"ReplyTo", c.email.reply_to}, {"ConfigurationSet", c.email.configuration_set}}},
      {"SmsConfiguration", c.sms_configuration},
      {"UserPoolTags", c.user_pool_tags},
      {"AllowAdminCreateUserOnly", c.allow_admin_create_user_only},
      {"UnusedAccountValidityDays", c.unused_account_validity_days},
      {"Invite", {{"SmsMessage", c.invite.sms_message}, {"EmailMessage", c.invite.email_message},
                  {"EmailSubject", c.invite.email_subject}}},
      {"UserPoolAddOns", c.user_pool_add_ons},
      {"CaseSensitive", c.case_sensitive},
      {"Tier", c.tier},
      {"Schema", schema}};
  if (c.sms_authentication_message) j["SmsAuthenticationMessage"] = *c.sms_authentication_message;
  if (c.account_recovery) {
    Json list = Json::array();
    for (const auto& o : *c.account_recovery) list.push_back(Json{{"Priority", o.priority}, {"Name", o.name}});
    j["AccountRecovery"] = list;
  }
  return j;
}

PoolConfig config_from_state(const Json& j) {
  PoolConfig c;
  c.name = j.at("Name").get<std::string>();
  const Json& p = j.at("PasswordPolicy");
  c.password_policy = PasswordPolicy{p.at("MinimumLength").get<int>(), p.at("RequireUppercase").get<bool>(),
                                     p.at("RequireLowercase").get<bool>(), p.at("RequireNumbers").get<bool>(),
                                     p.at("RequireSymbols").get<bool>(), p.at("PasswordHistorySize").get<int>(),
                                     p.at("TemporaryPasswordValidityDays").get<int>()};
  c.sign_in_policy = j.at("SignInPolicy");
  c.deletion_protection = j.at("DeletionProtection").get<bool>();
  c.lambda_config = j.at("LambdaConfig");
  c.auto_verified_attributes = j.at("AutoVerifiedAttributes").get<std::vector<std::string>>();
  c.alias_attributes = j.at("AliasAttributes").get<std::vector<std::string>>();
  c.username_attributes = j.at("UsernameAttributes").get<std::vector<std::string>>();
  const Json& v = j.at("Verification");
  c.verification = VerificationTemplate{v.at("SmsMessage").get<std::string>(), v.at("EmailMessage").get<std::string>(),
                                        v.at("EmailSubject").get<std::string>(), v.at("EmailMessageByLink").get<std::string>(),
                                        v.at("EmailSubjectByLink").get<std::string>(), v.at("DefaultEmailOption").get<std::string>()};
  c.sms_authentication_message = optional_of<std::string>(j, "SmsAuthenticationMessage");
  c.attributes_require_verification_before_update =
      j.at("AttributesRequireVerificationBeforeUpdate").get<std::vector<std::string>>();
  const std::string mfa = j.at("Mfa").get<std::string>();
  c.mfa = mfa == "ON" ? MfaMode::kOn : mfa == "OPTIONAL" ? MfaMode::kOptional : MfaMode::kOff;
  c.sms_mfa_enabled = j.at("SmsMfaEnabled").get<bool>();
  c.software_token_mfa_enabled = j.at("SoftwareTokenMfaEnabled").get<bool>();
  c.device_configuration = j.at("DeviceConfiguration");
  const Json& e = j.at("Email");
  c.email = EmailConfiguration{e.at("SendingAccount").get<std::string>(), e.at("SourceArn").get<std::string>(),
                               e.at("From").get<std::string>(), e.at("ReplyTo").get<std::string>(),
                               e.at("ConfigurationSet").get<std::string>()};
  c.sms_configuration = j.at("SmsConfiguration");
  c.user_pool_tags = j.at("UserPoolTags");
  c.allow_admin_create_user_only = j.at("AllowAdminCreateUserOnly").get<bool>();
  c.unused_account_validity_days = j.at("UnusedAccountValidityDays").get<int>();
  const Json& i = j.at("Invite");
  c.invite = InviteTemplate{i.at("SmsMessage").get<std::string>(), i.at("EmailMessage").get<std::string>(),
                            i.at("EmailSubject").get<std::string>()};
  c.user_pool_add_ons = j.at("UserPoolAddOns");
  c.case_sensitive = j.at("CaseSensitive").get<bool>();
  c.tier = j.at("Tier").get<std::string>();
  if (j.contains("AccountRecovery")) {
    std::vector<RecoveryOption> list;
    for (const Json& o : j.at("AccountRecovery").get_ref<const Json::array_t&>())
      list.push_back({o.at("Priority").get<int>(), o.at("Name").get<std::string>()});
    c.account_recovery = list;
  }
  c.schema.clear();
  for (const Json& s : j.at("Schema").get_ref<const Json::array_t&>()) {
    SchemaAttribute a;
    a.name = s.at("Name").get<std::string>();
    a.data_type = s.at("AttributeDataType").get<std::string>();
    a.developer_only = s.at("DeveloperOnlyAttribute").get<bool>();
    a.mutable_ = s.at("Mutable").get<bool>();
    a.required = s.at("Required").get<bool>();
    a.custom = s.at("Custom").get<bool>();
    if (s.contains("StringAttributeConstraints")) {
      a.min_length = optional_of<std::string>(s["StringAttributeConstraints"], "MinLength");
      a.max_length = optional_of<std::string>(s["StringAttributeConstraints"], "MaxLength");
    }
    if (s.contains("NumberAttributeConstraints")) {
      a.min_value = optional_of<std::string>(s["NumberAttributeConstraints"], "MinValue");
      a.max_value = optional_of<std::string>(s["NumberAttributeConstraints"], "MaxValue");
    }
    c.schema.push_back(std::move(a));
  }
  if (find_attribute(c.schema, "sub") == nullptr) throw std::runtime_error("the schema has no sub attribute");
  return c;
}

AppClient client_from_state(const Json& j) {
  AppClient c;
  c.client_id = j.at("ClientId").get<std::string>();
  c.client_name = j.at("ClientName").get<std::string>();
  c.client_secret = j.value("ClientSecret", "");
  c.created = state_instant(j.at("Created"));
  c.last_modified = state_instant(j.at("LastModified"));
  c.access_token_validity = optional_of<std::int64_t>(j, "AccessTokenValidity");
  c.id_token_validity = optional_of<std::int64_t>(j, "IdTokenValidity");
  c.refresh_token_validity = j.at("RefreshTokenValidity").get<std::int64_t>();
  c.token_validity_units = optional_of<Json>(j, "TokenValidityUnits");
  c.read_attributes = optional_of<std::vector<std::string>>(j, "ReadAttributes");
  c.write_attributes = optional_of<std::vector<std::string>>(j, "WriteAttributes");
  c.explicit_auth_flows = j.at("ExplicitAuthFlows").get<std::vector<std::string>>();
  c.supported_identity_providers = optional_of<std::vector<std::string>>(j, "SupportedIdentityProviders");
  c.callback_urls = optional_of<std::vector<std::string>>(j, "CallbackURLs");
  c.logout_urls = optional_of<std::vector<std::string>>(j, "LogoutURLs");
  c.default_redirect_uri = j.value("DefaultRedirectURI", "");
  c.allowed_oauth_flows = optional_of<std::vector<std::string>>(j, "AllowedOAuthFlows");
  c.allowed_oauth_scopes = optional_of<std::vector<std::string>>(j, "AllowedOAuthScopes");
  c.allowed_oauth_flows_user_pool_client = j.at("AllowedOAuthFlowsUserPoolClient").get<bool>();
  c.analytics_configuration = j.value("AnalyticsConfiguration", Json());
  c.prevent_user_existence_errors = j.at("PreventUserExistenceErrors").get<std::string>();
  c.enable_token_revocation = j.at("EnableTokenRevocation").get<bool>();
  c.enable_propagate_additional_user_context_data = j.at("EnablePropagateAdditionalUserContextData").get<bool>();
  c.auth_session_validity_minutes = j.at("AuthSessionValidity").get<int>();
  c.refresh_token_rotation = j.value("RefreshTokenRotation", Json());
  // The members sign-in reads must have the shapes the API would have given them.
  if (c.token_validity_units) {
    if (!c.token_validity_units->is_object()) throw std::runtime_error("TokenValidityUnits is not an object");
    for (const auto& [unit, value] : c.token_validity_units->items())
      if (!value.is_string() || (value != "seconds" && value != "minutes" && value != "hours" && value != "days"))
        throw std::runtime_error("TokenValidityUnits." + unit + " is not a time unit");
  }
  if (!c.refresh_token_rotation.is_null() && !c.refresh_token_rotation.is_object())
    throw std::runtime_error("RefreshTokenRotation is not an object");
  if (c.auth_session_validity_minutes < 3 || c.auth_session_validity_minutes > 15)
    throw std::runtime_error("AuthSessionValidity is not 3 to 15 minutes");
  return c;
}

Json client_to_state(const AppClient& c, const std::string& pool_id) {
  // The API's description holds every setting; the dates are kept exactly.
  Json j = c.describe(pool_id);
  j.erase("LastModifiedDate");
  j.erase("CreationDate");
  j["Created"] = state_millis(c.created);
  j["LastModified"] = state_millis(c.last_modified);
  return j;
}

Json domain_settings_to_state(const DomainSettings& s) {
  return Json{{"ManagedLoginVersion", s.managed_login_version}, {"Updated", state_millis(s.updated)}};
}

DomainSettings domain_settings_from_state(const Json& j) {
  const int version = j.at("ManagedLoginVersion").get<int>();
  if (version != 1 && version != 2) throw std::runtime_error("ManagedLoginVersion is 1 or 2");
  return DomainSettings{version, state_instant(j.at("Updated"))};
}

}  // namespace

Json pool_to_state(const UserPool& pool) {
  Json clients = Json::array();
  for (const auto& c : pool.clients) clients.push_back(client_to_state(c, pool.id));
  Json groups = Json::array();
  for (const auto& g : pool.groups) {
    Json gj = {{"GroupName", g.name}, {"Description", g.description}, {"RoleArn", g.role_arn},
               {"Created", state_millis(g.created)}, {"LastModified", state_millis(g.last_modified)}};
    if (g.precedence) gj["Precedence"] = *g.precedence;
    groups.push_back(gj);
  }
  Json sessions = Json::array();
  for (const auto& [key, s] : pool.sessions)
    sessions.push_back(Json{{"Session", s.session}, {"ClientId", s.client_id}, {"Username", s.username},
                            {"Challenge", s.challenge}, {"Created", state_millis(s.created)}, {"ExpiresAt", state_millis(s.expires_at)},
                            {"Used", s.used}, {"Data", s.data}});
  Json users = Json::array();
  for (const auto& [seq, u] : pool.users.users()) users.push_back(user_to_state(u));
  Json j = {{"Id", pool.id}, {"Arn", pool.arn}, {"Created", state_millis(pool.created)}, {"LastModified", state_millis(pool.last_modified)}};
  if (pool.domain) {
    j["Domain"] = *pool.domain;
    j["DomainSettings"] = domain_settings_to_state(pool.domain_settings);
  }
  if (pool.custom_domain) {
    const CustomDomain& d = *pool.custom_domain;
    j["CustomDomain"] = {{"Name", d.name}, {"CertificateArn", d.certificate_arn}, {"SecurityPolicy", d.security_policy},
                         {"CloudFrontDomain", d.cloudfront_domain}, {"Settings", domain_settings_to_state(d.settings)}};
  }
  j["Config"] = config_to_state(pool.config);
  j["Keys"] = pool.keys.to_state();
  j["Clients"] = clients;
  j["Groups"] = groups;
  // Only when there are some, so documents from before resource servers
  // existed export as they were.
  if (!pool.resource_servers.empty()) {
    Json servers = Json::array();
    for (const auto& r : pool.resource_servers) {
      Json scopes = Json::array();
      for (const auto& s : r.scopes) scopes.push_back(Json{{"ScopeName", s.name}, {"ScopeDescription", s.description}});
      servers.push_back(Json{{"Identifier", r.identifier}, {"Name", r.name}, {"Scopes", scopes}});
    }
    j["ResourceServers"] = servers;
  }
  // Only when there are some, as for resource servers.
  if (!pool.identity_providers.empty()) {
    Json providers = Json::array();
    for (const auto& p : pool.identity_providers)
      providers.push_back(Json{{"Name", p.name}, {"Type", p.type}, {"Details", p.details}, {"AttributeMapping", p.attribute_mapping},
                               {"IdpIdentifiers", p.idp_identifiers}, {"Created", state_millis(p.created)},
                               {"LastModified", state_millis(p.last_modified)}});
    j["IdentityProviders"] = providers;
  }
  if (!pool.ui_customizations.empty()) {
    Json list = Json::array();
    for (const auto& [client, c] : pool.ui_customizations)
      list.push_back(Json{{"ClientId", c.client_id}, {"CSS", c.css}, {"ImageFile", c.image_file}, {"ImageType", c.image_type},
                          {"Created", state_millis(c.created)}, {"LastModified", state_millis(c.last_modified)}});
    j["UICustomizations"] = list;
  }
  if (!pool.brandings.empty()) {
    Json list = Json::array();
    for (const auto& b : pool.brandings)
      list.push_back(Json{{"ManagedLoginBrandingId", b.id}, {"ClientId", b.client_id},
                          {"UseCognitoProvidedValues", b.use_cognito_provided_values}, {"Settings", b.settings},
                          {"Assets", b.assets}, {"Created", state_millis(b.created)}, {"LastModified", state_millis(b.last_modified)}});
    j["ManagedLoginBrandings"] = list;
  }
  // The hosted UI's codes and signed-in browsers, only when there are some.
  if (!pool.authorization_codes.empty()) {
    Json list = Json::array();
    for (const auto& [code, c] : pool.authorization_codes) {
      Json cj = {{"Code", c.code}, {"ClientId", c.client_id}, {"RedirectUri", c.redirect_uri}, {"Scopes", c.scopes},
                 {"CodeChallenge", c.code_challenge}, {"Username", c.username}, {"AuthTime", state_millis(c.auth_time)},
                 {"ExpiresAt", state_millis(c.expires_at)}, {"Used", c.used}};
      if (c.nonce) cj["Nonce"] = *c.nonce;
      list.push_back(std::move(cj));
    }
    j["AuthorizationCodes"] = list;
  }
  if (!pool.hosted_sessions.empty()) {
    Json list = Json::array();
    for (const auto& [id, h] : pool.hosted_sessions)
      list.push_back(Json{{"Id", h.id}, {"Username", h.username}, {"AuthTime", state_millis(h.auth_time)}, {"ExpiresAt", state_millis(h.expires_at)}});
    j["HostedSessions"] = list;
  }
  j["Sessions"] = sessions;
  j["NextUserSeq"] = pool.users.next_seq();
  j["Users"] = users;
  return j;
}

std::unique_ptr<UserPool> pool_from_state(const Json& j) {
  auto keys = PoolKeys::from_state(j.at("Keys"));
  if (!keys) throw std::runtime_error("keys: " + keys.error());
  auto pool = std::make_unique<UserPool>(std::move(*keys));
  pool->id = j.at("Id").get<std::string>();
  if (!is_user_pool_id(pool->id)) throw std::runtime_error("\"" + pool->id + "\" is not a user pool ID");
  pool->arn = j.at("Arn").get<std::string>();
  pool->created = state_instant(j.at("Created"));
  pool->last_modified = state_instant(j.at("LastModified"));
  pool->domain = optional_of<std::string>(j, "Domain");
  // Documents from before domain settings were kept: version 1, as created with the pool.
  pool->domain_settings = j.contains("DomainSettings") ? domain_settings_from_state(j.at("DomainSettings"))
                                                       : DomainSettings{1, pool->created};
  if (j.contains("CustomDomain")) {
    const Json& d = j.at("CustomDomain");
    pool->custom_domain = CustomDomain{d.at("Name").get<std::string>(), d.at("CertificateArn").get<std::string>(),
                                       d.at("SecurityPolicy").get<std::string>(), d.at("CloudFrontDomain").get<std::string>(),
                                       domain_settings_from_state(d.at("Settings"))};
  }
  pool->config = config_from_state(j.at("Config"));
  for (const Json& c : j.at("Clients").get_ref<const Json::array_t&>()) pool->clients.push_back(client_from_state(c));
  for (const Json& g : j.at("Groups").get_ref<const Json::array_t&>()) {
    Group group;
    group.name = g.at("GroupName").get<std::string>();
    group.description = g.at("Description").get<std::string>();
    group.role_arn = g.at("RoleArn").get<std::string>();
    group.precedence = optional_of<std::int64_t>(g, "Precedence");
    group.created = state_instant(g.at("Created"));
    group.last_modified = state_instant(g.at("LastModified"));
    pool->groups.push_back(std::move(group));
  }
  if (const auto servers = j.find("ResourceServers"); servers != j.end())
    for (const Json& r : servers->get_ref<const Json::array_t&>()) {
      ResourceServer server;
      server.identifier = r.at("Identifier").get<std::string>();
      server.name = r.at("Name").get<std::string>();
      for (const Json& s : r.at("Scopes").get_ref<const Json::array_t&>())
        server.scopes.push_back({s.at("ScopeName").get<std::string>(), s.at("ScopeDescription").get<std::string>()});
      pool->resource_servers.push_back(std::move(server));
    }
  if (const auto providers = j.find("IdentityProviders"); providers != j.end())
    for (const Json& p : providers->get_ref<const Json::array_t&>()) {
      IdentityProvider provider;
      provider.name = p.at("Name").get<std::string>();
      provider.type = p.at("Type").get<std::string>();
      provider.details = p.at("Details").get<std::map<std::string, std::string>>();
      provider.attribute_mapping = p.at("AttributeMapping").get<std::map<std::string, std::string>>();
      provider.idp_identifiers = p.at("IdpIdentifiers").get<std::vector<std::string>>();
      provider.created = state_instant(p.at("Created"));
      provider.last_modified = state_instant(p.at("LastModified"));
      pool->identity_providers.push_back(std::move(provider));
    }
  if (const auto list = j.find("UICustomizations"); list != j.end())
    for (const Json& c : list->get_ref<const Json::array_t&>()) {
      UICustomization ui{c.at("ClientId").get<std::string>(), c.at("CSS").get<std::string>(), c.at("ImageFile").get<std::string>(),
                         c.at("ImageType").get<std::string>(), state_instant(c.at("Created")), state_instant(c.at("LastModified"))};
      const std::string key = ui.client_id;
      pool->ui_customizations.emplace(key, std::move(ui));
    }
  if (const auto list = j.find("ManagedLoginBrandings"); list != j.end())
    for (const Json& b : list->get_ref<const Json::array_t&>()) {
      if (!b.at("Settings").is_object() || !b.at("Assets").is_array())
        throw std::runtime_error("a managed login branding's Settings or Assets is damaged");
      pool->brandings.push_back(ManagedLoginBranding{b.at("ManagedLoginBrandingId").get<std::string>(),
                                                     b.at("ClientId").get<std::string>(),
                                                     b.at("UseCognitoProvidedValues").get<bool>(), b.at("Settings"),
                                                     b.at("Assets"), state_instant(b.at("Created")), state_instant(b.at("LastModified"))});
    }
  if (const auto list = j.find("AuthorizationCodes"); list != j.end())
    for (const Json& c : list->get_ref<const Json::array_t&>()) {
      AuthorizationCode code{c.at("Code").get<std::string>(), c.at("ClientId").get<std::string>(),
                             c.at("RedirectUri").get<std::string>(), c.at("Scopes").get<std::vector<std::string>>(),
                             c.at("CodeChallenge").get<std::string>(), optional_of<std::string>(c, "Nonce"),
                             c.at("Username").get<std::string>(), state_instant(c.at("AuthTime")), state_instant(c.at("ExpiresAt")),
                             c.at("Used").get<bool>()};
      const std::string key = code.code;
      pool->authorization_codes.emplace(key, std::move(code));
    }
  if (const auto list = j.find("HostedSessions"); list != j.end())
    for (const Json& h : list->get_ref<const Json::array_t&>()) {
      HostedSession session{h.at("Id").get<std::string>(), h.at("Username").get<std::string>(), state_instant(h.at("AuthTime")),
                            state_instant(h.at("ExpiresAt"))};
      const std::string key = session.id;
      pool->hosted_sessions.emplace(key, std::move(session));
    }
  for (const Json& s : j.at("Sessions").get_ref<const Json::array_t&>()) {
    if (!s.at("Data").is_object()) throw std::runtime_error("a session's Data is not an object");
    ChallengeSession cs{s.at("Session").get<std::string>(), s.at("ClientId").get<std::string>(),
                        s.at("Username").get<std::string>(), s.at("Challenge").get<std::string>(),
                        state_instant(s.at("Created")), state_instant(s.at("ExpiresAt")), s.at("Used").get<bool>(), s.at("Data")};
    const std::string key = cs.session;
    pool->sessions.emplace(key, std::move(cs));
  }
  pool->users = UserDirectory(pool->config.case_sensitive);
  for (const Json& u : j.at("Users").get_ref<const Json::array_t&>()) {
    User user = user_from_state(u);
    if (pool->users.users().contains(user.seq) || pool->users.by_username(user.username) != nullptr ||
        pool->users.by_sub(user.sub) != nullptr)
      throw std::runtime_error("two users share the username, sub or sequence of " + user.username);
    pool->users.add(std::move(user));
  }
  const auto next = j.at("NextUserSeq").get<std::uint64_t>();
  if (next < pool->users.next_seq()) throw std::runtime_error("NextUserSeq is behind the users");
  pool->users.reserve_seq(next);  // numbers of deleted users are not reused
  return pool;
}

}  // namespace userpool
