#include "web/tokens/federation_card.h"

#include <algorithm>

#include "core/saml/xml.h"
#include "imgui.h"
#include "web/shell/widgets.h"
#include "web/tokens/token_drawing.h"

namespace userpool::web {
namespace {

std::string text_member(const Json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// How what the provider sent reached Cognito, in the words of the flow.
std::string how_it_came(const std::string& kind, const std::string& provider) {
  if (kind == "IdToken")
    return "Cognito exchanged the authorization code at " + provider + "'s token endpoint, a call from Cognito to " + provider +
           " that the browser never sees (the back channel). " + provider + " answered with this ID token, signed with " +
           provider + "'s own key; Cognito checked its signature, issuer, audience (Cognito's client ID at " + provider +
           "), expiry and nonce before it read a claim.";
  if (kind == "UserInfo")
    return "Then Cognito read the user's profile at " + provider + "'s user-info endpoint with the access token, also on the "
           "back channel. The answer:";
  return "The provider's page posted this SAML Response through the browser to Cognito's /saml2/idpresponse (the HTTP-POST "
         "binding: base64 in the SAMLResponse field). Cognito checked its signature with the certificate in " + provider +
         "'s metadata, the issuer, the audience (the pool's entity ID urn:amazon:cognito:sp:<poolId>), the recipient and "
         "the time, and that it was not used before. Laid out here for reading; Copy gives it as sent.";
}

const char* kind_title(const std::string& kind) {
  if (kind == "IdToken") return "ID token";
  if (kind == "UserInfo") return "User info";
  return "SAML Response";
}

// What Cognito did with an ID token claim it checks rather than maps.
std::string checked_claim(const std::string& name, const std::string& provider) {
  if (name == "iss") return "checked: " + provider + "'s issuer";
  if (name == "aud") return "checked: Cognito's client ID at " + provider;
  if (name == "exp") return "checked: not expired";
  if (name == "nonce") return "checked: the nonce Cognito sent";
  return {};
}

// A claim's value as one line of text.
std::string value_text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

void FederationCard::refresh(const std::string& pool_id, const std::string& username) {
  const std::string key = pool_id + "\n" + username;
  if (revision_ == ctx_.api.revision() && key_ == key) return;
  revision_ = ctx_.api.revision();
  key_ = key;
  event_ = Json();
  shown_xml_.clear();
  const Response r = ctx_.api.peek("Sandbox.ListEvents", Json{{"UserPoolId", pool_id}});
  const auto events = r.body.find("Events");
  if (r.status != 200 || events == r.body.end() || !events->is_array()) return;
  for (auto e = events->rbegin(); e != events->rend(); ++e) {
    const auto f = e->find("Federation");
    if (f == e->end() || !f->is_object() || text_member(*f, "Username") != username) continue;
    event_ = *e;
    break;
  }
  if (event_.is_null()) return;
  for (const Json& m : event_["Federation"].value("Received", Json::array())) {
    std::string shown;
    if (text_member(m, "Kind") == "SamlResponse") {
      auto laid_out = saml::indented_xml(text_member(m, "Content"));
      shown = laid_out ? *laid_out : text_member(m, "Content");
    }
    shown_xml_.push_back(std::move(shown));
  }
}

void FederationCard::draw(const std::string& pool_id, const std::string& username, float width) {
  refresh(pool_id, username);
  if (event_.is_null()) return;
  const Json& f = event_["Federation"];
  const std::string provider = text_member(f, "ProviderName");
  const float inner = width - 2 * card_padding();
  begin_card(width);
  heading(ctx_, ("What " + provider + " sent Cognito").c_str());
  help_text(("The tokens above are Cognito's own: an app never sees what " + provider +
             " issued. Here is what it sent Cognito at this sign-in, and what Cognito made of it.")
                .c_str());
  const Json received = f.value("Received", Json::array());
  for (std::size_t i = 0; i < received.size(); ++i) draw_received(received[i], static_cast<int>(i), inner);
  card_separator();
  draw_claims(inner);
  const Json rules = event_.value("Rules", Json::array());
  const std::string steps = "Cognito's steps at this sign-in (" + std::to_string(rules.size()) + ")###tokens.provider.steps";
  if (!rules.empty() && ImGui::TreeNode(steps.c_str())) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner - ImGui::GetTreeNodeToLabelSpacing());
    for (const Json& rule : rules)
      if (rule.is_string()) ImGui::BulletText("%s", rule.get<std::string>().c_str());
    ImGui::PopTextWrapPos();
    ImGui::TreePop();
  }
  end_card();
}

void FederationCard::draw_received(const Json& message, int index, float width) {
  const std::string kind = text_member(message, "Kind"), content = text_member(message, "Content");
  const std::string provider = text_member(event_["Federation"], "ProviderName");
  const std::string id = std::to_string(index);
  card_separator();
  ImGui::TextUnformatted(kind_title(kind));
  ImGui::SameLine();
  if (ImGui::SmallButton(("Copy###tokens.provider.copy." + id).c_str())) ctx_.copy(content, kind_title(kind));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  help_text(how_it_came(kind, provider).c_str());
  ImGui::PopTextWrapPos();
  if (kind == "IdToken") {
    draw_compact_token(ctx_.fonts.mono, content, width);
  } else if (kind == "UserInfo") {
    code_view(ctx_, ("tokens.provider.received." + id).c_str(), content, ems(10));
  } else {
    const auto at = static_cast<std::size_t>(index);
    code_view(ctx_, ("tokens.provider.received." + id).c_str(), at < shown_xml_.size() ? shown_xml_[at] : content, ems(18));
  }
}

// Each claim or attribute Cognito read, and what it became in the pool.
void FederationCard::draw_claims(float width) {
  const Json& f = event_["Federation"];
  const std::string provider = text_member(f, "ProviderName"), user_id = text_member(f, "ProviderUserId");
  const std::string username = text_member(f, "Username");
  const bool saml = text_member(f, "ProviderType") == "SAML";
  ImGui::TextUnformatted("What Cognito made of it");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  help_text(("The attribute mapping of " + provider + " (pool console, Sign-in experience) says which of its claims fill "
             "which user attributes; they are written again at every sign-in. The rest is read and dropped.")
                .c_str());
  ImGui::PopTextWrapPos();
  const Json claims = f.value("Claims", Json::object());
  if (!begin_claims_table("tokens.provider.claims", saml ? "Attribute" : "Claim", name_column_width(ctx_.fonts.mono, claims),
                          width, "In the user pool"))
    return;
  const auto row = [&](const std::string& name, const std::string& value, const std::string& becomes, bool used) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    wrapped_in(ctx_.fonts.mono, name);
    ImGui::TableNextColumn();
    wrapped_in(ctx_.fonts.mono, value);
    ImGui::TableNextColumn();
    wrapped_in(nullptr, becomes, used ? 0 : colors::grey());
  };
  const std::string who = "the user's ID at " + provider + ": the user name " + username +
                          " and the identities claim's userId";
  if (saml) row("NameID", user_id, who, true);
  const Json mapped = f.value("Mapped", Json::array());
  for (const auto& [name, value] : claims.items()) {
    std::string becomes;
    for (const Json& m : mapped)
      if (text_member(m, "From") == name) becomes += (becomes.empty() ? "" : ", ") + text_member(m, "Attribute");
    const bool names_user = !saml && value.is_string() && value.get<std::string>() == user_id &&
                            (name == "sub" || name == "id" || name == "user_id");
    if (names_user) becomes = who + (becomes.empty() ? "" : "; also " + becomes);
    const std::string checked = saml || !becomes.empty() ? std::string() : checked_claim(name, provider);
    row(name, value_text(value), !becomes.empty() ? becomes : !checked.empty() ? checked : "not mapped", !becomes.empty());
  }
  end_claims_table();
}

}  // namespace userpool::web
