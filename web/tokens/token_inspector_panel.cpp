#include "web/tokens/token_inspector_panel.h"

#include <algorithm>
#include <cmath>

#include "core/tokens/claim_explanations.h"
#include "core/base/encoding.h"
#include "core/tokens/token_inspection.h"
#include "core/tokens/well_known.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "web/shell/widgets.h"
#include "web/tokens/token_drawing.h"

namespace userpool::web {
namespace {

constexpr const char* kSlotNames[] = {"id", "access", "pasted"};
constexpr const char* kCheckMark = "\xE2\x9C\x93";  // U+2713, in the body font
constexpr const char* kCrossMark = "\xE2\x9C\x97";  // U+2717
constexpr float kTokenCardEms = 60;                      // the widest card
constexpr float kSideBySideEms = 56;                // room for the ID and access tokens side by side

// The text of an engine error, without trusting its shape.
std::string message_of(const Json& body, const char* fallback) {
  const auto it = body.find("message");
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

// A claim's explanation: grey like all help, amber for a claim Cognito does
// not set (worth a second look in a token that claims to be Cognito's).
void meaning(const ClaimExplanation& e) {
  if (e.cognito_sets)
    help_text(std::string(e.text).c_str());
  else
    wrapped_in(nullptr, std::string(e.text), colors::amber());
}

}  // namespace

// --- Controls ---------------------------------------------------------------

void TokenInspectorPanel::draw() {
  forget_when_sandbox_changed();
  // One read of the virtual clock per frame serves every time claim and check.
  now_ = ctx_.api.now();

  heading(ctx_, "Tokens");
  help_text("ID and access tokens are JWTs: signed, not encrypted. Decoding one only reads it, and anyone can. "
            "Whether to trust it is what verification says: the signature must match the user pool's key, and the "
            "claims must be what your app expects.");
  ImGui::Spacing();
  draw_controls();
  ImGui::Spacing();
  draw_edit_bar();
  ImGui::Spacing();
  if (source_ == Source::kSession)
    draw_session();
  else
    draw_pasted();
}

void TokenInspectorPanel::draw_controls() {
  const float width = std::min(ImGui::GetContentRegionAvail().x, ems(kTokenCardEms));
  const float inner = width - 2 * card_padding();
  const float field_x = ems(7);  // where the choices of each row start
  begin_card(width);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Token");
  ImGui::SameLine(field_x);
  if (ImGui::RadioButton("The signed-in session###tokens.source.session", source_ == Source::kSession))
    source_ = Source::kSession;
  ImGui::SameLine();
  if (ImGui::RadioButton("Paste a token###tokens.source.paste", source_ == Source::kPasted)) source_ = Source::kPasted;
  if (source_ == Source::kPasted) {
    if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
    ImGui::InputTextMultiline("###tokens.paste", &paste_text_, ImVec2(inner, ems(4)));
    if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
    help_text("An ID or access token from the sandbox or from a real user pool; it never leaves this page. A refresh "
              "token shows why it cannot be read.");
  }
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Keys");
  ImGui::SameLine(field_x);
  if (ImGui::RadioButton("The user pool's JWKS###tokens.jwks.pool", key_source_ == KeySource::kPool))
    key_source_ = KeySource::kPool;
  ImGui::SameLine();
  if (ImGui::RadioButton("Paste a JWKS###tokens.jwks.paste", key_source_ == KeySource::kPasted))
    key_source_ = KeySource::kPasted;
  if (key_source_ == KeySource::kPool) {
    help_text("The keys the pool publishes at <issuer>/.well-known/jwks.json (Sandbox.GetJwks): the pool the token's "
              "iss names, or the signed-in session's.");
  } else {
    if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
    ImGui::InputTextMultiline("###tokens.jwks_text", &jwks_text_, ImVec2(inner, ems(4)));
    if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
    if (const KeySet& keys = pasted_keys(); !keys.error.empty()) error_text(keys.error);
  }
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Clock skew");
  ImGui::SameLine(field_x);
  ImGui::SetNextItemWidth(ems(5));
  if (ImGui::InputInt("seconds###tokens.grace", &grace_seconds_, 0, 0)) grace_seconds_ = std::clamp(grace_seconds_, 0, 86400);
  ImGui::SameLine();
  ImGui::TextDisabled("still accepted after exp (aws-jwt-verify's graceSeconds, 0 by default)");
  end_card();
}

void TokenInspectorPanel::draw_edit_bar() {
  const Slot target = source_ == Source::kPasted ? kPastedSlot : edit_slot_;
  // Nothing to edit: no signed-in session, or nothing pasted yet.
  const bool have_token = source_ == Source::kPasted
                              ? !paste_text_.empty()
                              : !(ctx_.session.id_token.empty() && ctx_.session.access_token.empty());
  if (!have_token) {
    if (editing_) {
      editing_ = false;
      for (InspectedToken& t : tokens_) t.restore();
    }
    return;
  }
  if (ImGui::Button(editing_ ? "Stop editing###tokens.edit" : "Edit the claims###tokens.edit")) {
    editing_ = !editing_;
    // Leaving edit mode shows the tokens as they were issued again.
    if (!editing_)
      for (InspectedToken& t : tokens_) t.restore();
  }
  if (!editing_) {
    ImGui::SameLine();
    ImGui::TextDisabled("Change a claim and watch the signature check fail.");
    return;
  }
  ImGui::SameLine();
  if (ImGui::Button("Back to the original###tokens.restore")) tokens_[target].restore();
  if (source_ == Source::kSession) {
    ImGui::SameLine(0, ems(1.5f));
    ImGui::TextDisabled("Edit:");
    for (const Slot s : {kIdSlot, kAccessSlot}) {
      ImGui::SameLine();
      const std::string label = std::string(s == kIdSlot ? "ID token" : "Access token") + "###tokens.edit.target." +
                                kSlotNames[s];
      if (ImGui::RadioButton(label.c_str(), edit_slot_ == s) && edit_slot_ != s) {
        tokens_[edit_slot_].restore();
        edit_slot_ = s;
      }
    }
  }
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x, ems(kTokenCardEms)));
  help_text("Change a value in the payload below. The token is put back together with its original signature, as "
            "someone tampering with it would, and the signature check fails: the signature covers every byte of the "
            "header and payload, and only the pool's private key can make a new one.");
  ImGui::PopTextWrapPos();
}

void TokenInspectorPanel::draw_session() {
  const AppSession& s = ctx_.session;
  tokens_[kIdSlot].set(s.id_token);
  tokens_[kAccessSlot].set(s.access_token);
  const float avail = ImGui::GetContentRegionAvail().x;
  if (s.id_token.empty() && s.access_token.empty()) {
    begin_card(std::min(avail, ems(kTokenCardEms)));
    heading(ctx_, "Nobody is signed in");
    help_text("Sign a user in on Try it to see the tokens the user pool issues, or paste a token.");
    if (primary_button("Open Try it###tokens.open_try_it")) ctx_.open(View::kTryIt);
    end_card();
    return;
  }
  const float gap = ems(1);
  if (avail >= ems(kSideBySideEms)) {
    // Groups make the row as tall as the taller card (a card alone is a
    // dummy item, and the row would take the height of the last one).
    const float width = (avail - gap) / 2;
    ImGui::BeginGroup();
    draw_token(kIdSlot, "ID token", width);
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    draw_token(kAccessSlot, "Access token", width);
    ImGui::EndGroup();
  } else {
    draw_token(kIdSlot, "ID token", avail);
    ImGui::Spacing();
    draw_token(kAccessSlot, "Access token", avail);
  }
  // A federated user's ID token names its provider in the identities claim.
  if (const DecodedJwt* id = tokens_[kIdSlot].decoded(); id != nullptr && id->payload.contains("identities")) {
    const auto username = id->payload.find("cognito:username");
    if (username != id->payload.end() && username->is_string()) {
      ImGui::Spacing();
      federation_.draw(s.pool_id, username->get<std::string>(), std::min(avail, ems(kTokenCardEms)));
    }
  }
  if (s.refresh_token.empty()) return;
  ImGui::Spacing();
  begin_card(std::min(avail, ems(kTokenCardEms)));
  heading(ctx_, "Refresh token");
  if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
  ImGui::TextDisabled("%s...", s.refresh_token.substr(0, 48).c_str());
  if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
  ImGui::SameLine();
  if (ImGui::SmallButton("Copy###tokens.copy.refresh")) ctx_.copy(s.refresh_token, "Refresh token");
  draw_opaque_note(s.refresh_token);
  end_card();
}

void TokenInspectorPanel::draw_pasted() {
  tokens_[kPastedSlot].set(paste_text_);
  if (tokens_[kPastedSlot].empty()) {
    help_text("Paste a token above to decode and verify it.");
    return;
  }
  draw_token(kPastedSlot, "Pasted token", std::min(ImGui::GetContentRegionAvail().x, ems(kTokenCardEms)));
}

// --- One token --------------------------------------------------------------

void TokenInspectorPanel::draw_token(Slot slot, const char* title, float width) {
  InspectedToken& token = tokens_[slot];
  const float inner = width - 2 * card_padding();
  ImGui::PushID(slot);
  begin_card(width);
  heading(ctx_, title);
  if (token.edited()) {
    ImGui::SameLine();
    badge("Edited", colors::amber());
  }
  if (token.empty()) {
    help_text("None: this session has no such token.");
  } else {
    draw_compact_token(ctx_.fonts.mono, token.current(), inner);
    if (ImGui::SmallButton((std::string("Copy###tokens.copy.") + kSlotNames[slot]).c_str()))
      ctx_.copy(token.current(), title);
    ImGui::SameLine();
    ImGui::TextDisabled("%d characters", static_cast<int>(token.current().size()));
    ImGui::Spacing();
    const Verifier v = verifier(slot, token);
    draw_verdict(slot, token.verify(v.context, now_), v, inner);
    if (const DecodedJwt* jwt = token.decoded()) {
      card_separator();
      ImGui::TextUnformatted("Decoded, which is not verified");
      help_text("Anyone can decode a token and read these claims, so reading them proves nothing. Only the checks "
                "above say whether to trust them.");
      draw_header_table(*jwt, inner);
      ImGui::Spacing();
      draw_payload_table(slot, inner);
    } else if (const JwtFormatProblem* p = token.format_problem(); p != nullptr && p->kind == JwtFormatError::kEncrypted) {
      card_separator();
      draw_opaque_note(token.original());
    }
  }
  end_card();
  ImGui::PopID();
}

void TokenInspectorPanel::draw_verdict(Slot slot, const JwtVerification& v, const Verifier& checker, float width) {
  // The verdict is a selectable line (a named widget tests can find) that
  // copies the whole report; its text is drawn over it, wrapped.
  const std::string text = std::string(v.valid() ? kCheckMark : kCrossMark) + " " + verdict_text(v);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::string id = std::string("###tokens.verdict.") + kSlotNames[slot];
  if (ImGui::Selectable(id.c_str(), false, 0, ImVec2(width, size.y))) ctx_.copy(verification_report(v), "Verification report");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the verification report");
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, v.valid() ? colors::green() : colors::red(),
                                      text.c_str(), nullptr, width);

  // Who the token was checked for, as an app would configure aws-jwt-verify.
  const JwtExpectations& e = checker.context.expect;
  std::string as = "Checked as an app of ";
  as += checker.pool_id.empty() ? "no user pool" : "user pool " + checker.pool_id;
  as += " would: token use " + (e.token_use ? "\"" + *e.token_use + "\"" : std::string("id or access"));
  as += e.client_ids.empty() ? ", any app client"
        : e.client_ids.size() == 1 ? ", app client " + e.client_ids.front()
                                   : ", one of the pool's " + std::to_string(e.client_ids.size()) + " app clients";
  as += key_source_ == KeySource::kPool ? "; keys from the pool's JWKS." : "; keys from the pasted JWKS.";
  help_text(as.c_str());
  if (checker.keys != nullptr && !checker.keys->error.empty()) {
    std::string why = checker.keys->error;
    if (key_source_ == KeySource::kPool && !checker.pool_id.empty())
      why += " To check a token of a real pool, paste its JWKS from " + jwks_uri_for(checker.pool_id) + ".";
    error_text(why);
  }
  draw_checks(v, width);
}

void TokenInspectorPanel::draw_checks(const JwtVerification& v, float width) {
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ems(0.3f), ems(0.1f)));
  const float first = ImGui::CalcTextSize("  not before").x + ems(1.2f);
  if (ImGui::BeginTable("checks", 2, ImGuiTableFlags_SizingStretchProp, ImVec2(width, 0))) {
    ImGui::TableSetupColumn("check", ImGuiTableColumnFlags_WidthFixed, first);
    ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
    ImGui::PushTextWrapPos(0.0f);
    for (const JwtCheckOutcome& c : v.checks) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool passed = c.status == CheckStatus::kPassed, failed = c.status == CheckStatus::kFailed;
      ImGui::PushStyleColor(ImGuiCol_Text, passed ? colors::green() : failed ? colors::red() : colors::grey());
      ImGui::Text("%s %s", passed ? kCheckMark : failed ? kCrossMark : "-", std::string(jwt_check_name(c.check)).c_str());
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      if (passed)
        ImGui::TextUnformatted(c.detail.c_str());
      else
        help_text(c.detail.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
}

// --- Header and payload tables -------------------------------------------------

void TokenInspectorPanel::draw_header_table(const DecodedJwt& jwt, float width) {
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kPartColours[0]), "Header");
  if (!begin_claims_table("header", "Member", name_column_width(ctx_.fonts.mono, jwt.header), width)) return;
  for (const auto& member : jwt.header.items()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    wrapped_in(ctx_.fonts.mono, member.key());
    ImGui::TableNextColumn();
    wrapped_in(ctx_.fonts.mono, claim_as_text(member.value()));
    ImGui::TableNextColumn();
    meaning(explain_header_member(member.key()));
  }
  end_claims_table();
}

void TokenInspectorPanel::draw_payload_table(Slot slot, float width) {
  InspectedToken& token = tokens_[slot];
  const bool editable = editing_ && slot == (source_ == Source::kPasted ? kPastedSlot : edit_slot_);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kPartColours[1]), editable ? "Payload (editable)" : "Payload");
  // A copy: editing a claim writes into the token's payload while we walk it.
  const Json payload = token.payload();
  if (!begin_claims_table("payload", "Claim", name_column_width(ctx_.fonts.mono, payload), width)) return;
  for (const auto& claim : payload.items()) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    wrapped_in(ctx_.fonts.mono, claim.key());
    ImGui::TableNextColumn();
    draw_claim_value(slot, claim.key(), claim.value(), editable);
    ImGui::TableNextColumn();
    meaning(explain_claim(claim.key()));
  }
  end_claims_table();
}

void TokenInspectorPanel::draw_claim_value(Slot slot, const std::string& name, const Json& value, bool editable) {
  InspectedToken& token = tokens_[slot];
  std::string* text = editable ? token.edit_text(name) : nullptr;
  if (text != nullptr) {
    const bool edited = token.claim_edited(name);
    if (edited) ImGui::PushStyleColor(ImGuiCol_FrameBg, colors::edited_field());  // changed since issued
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ctx_.fonts.mono != nullptr) ImGui::PushFont(ctx_.fonts.mono);
    const bool changed = ImGui::InputText(("###tokens.claim." + name).c_str(), text);
    if (ctx_.fonts.mono != nullptr) ImGui::PopFont();
    if (edited) ImGui::PopStyleColor();
    if (changed) token.commit_edit(name);
    if (const std::string* error = token.edit_error(name)) error_text(*error);
  } else {
    wrapped_in(ctx_.fonts.mono, claim_as_text(value), token.claim_edited(name) ? colors::amber() : 0);
  }
  if (is_time_claim(name) && value.is_number()) {
    const double at = value.get<double>();
    const std::string when = describe_claim_time(name, at, now_);
    const bool past_expiry = name == "exp" && at < to_epoch_seconds(now_);
    wrapped_in(nullptr, format_utc(at), colors::grey());
    wrapped_in(nullptr, when, past_expiry ? colors::red() : colors::grey());
  }
}

void TokenInspectorPanel::draw_opaque_note(const std::string& token) {
  help_text("Cognito's refresh tokens are encrypted: a JWE in five parts (header, encrypted key, initialization "
            "vector, ciphertext, authentication tag). Only the user pool holds the key to open one, so no client can "
            "decode or verify it. An app keeps it and sends it back (InitiateAuth with REFRESH_TOKEN_AUTH) for new ID "
            "and access tokens.");
  // The JWE header is the one readable part: it says how the rest is sealed.
  const auto bytes = base64url_decode(std::string_view(token).substr(0, token.find('.')));
  if (!bytes) return;
  const auto header = parse_json_text(to_string(*bytes));
  if (!header || !header->is_object()) return;
  ImGui::TextUnformatted("Its header, the only part anyone can read:");
  wrapped_in(ctx_.fonts.mono, claim_as_text(*header));
}

// --- Keys and expectations ----------------------------------------------------

void TokenInspectorPanel::forget_when_sandbox_changed() {
  if (cache_revision_ == ctx_.api.revision()) return;
  cache_revision_ = ctx_.api.revision();
  pool_keys_.clear();
  pool_clients_.clear();
}

TokenInspectorPanel::Verifier TokenInspectorPanel::verifier(Slot slot, const InspectedToken& token) {
  Verifier v;
  JwtExpectations& e = v.context.expect;
  v.pool_id = ctx_.session.pool_id;
  if (slot == kPastedSlot) {
    // A pasted token is checked for the pool its original iss names (an
    // edited iss must then fail the issuer check, not pick other keys).
    if (const DecodedJwt* jwt = token.decoded()) {
      const auto iss = jwt->payload.find("iss");
      if (iss != jwt->payload.end() && iss->is_string())
        if (auto pool = user_pool_id_from_issuer(iss->get<std::string>())) v.pool_id = *pool;
    }
    e.client_ids = pool_clients(v.pool_id);
  } else {
    e.token_use = slot == kIdSlot ? "id" : "access";
    if (!ctx_.session.client_id.empty()) e.client_ids = {ctx_.session.client_id};
  }
  e.issuer = v.pool_id.empty() ? std::string("(no user pool)") : issuer_for(v.pool_id);
  e.grace = std::chrono::seconds(grace_seconds_);
  v.keys = key_source_ == KeySource::kPasted ? &pasted_keys() : &pool_keys(v.pool_id);
  v.context.jwks = &v.keys->jwks;
  v.context.jwks_key = v.keys->name;
  return v;
}

const TokenInspectorPanel::KeySet& TokenInspectorPanel::pool_keys(const std::string& pool_id) {
  if (const auto found = pool_keys_.find(pool_id); found != pool_keys_.end()) return found->second;
  KeySet& keys = pool_keys_[pool_id];
  keys.name = "pool " + pool_id + " at revision " + std::to_string(ctx_.api.revision());
  if (pool_id.empty()) {
    keys.error = "There is no user pool to take keys from: sign in on Try it, or paste a JWKS.";
    return keys;
  }
  const Response r = ctx_.api.peek("Sandbox.GetJwks", Json{{"UserPoolId", pool_id}});
  if (r.status != 200) {
    keys.error = message_of(r.body, "The user pool's keys could not be read.");
    return keys;
  }
  if (auto jwks = Jwks::parse(r.body))
    keys.jwks = std::move(*jwks);
  else
    keys.error = "The pool's JWKS does not parse: " + jwks.error() + ".";
  return keys;
}

const TokenInspectorPanel::KeySet& TokenInspectorPanel::pasted_keys() {
  const std::string name = "pasted " + jwks_text_;
  if (pasted_keys_.name == name) return pasted_keys_;
  pasted_keys_ = KeySet{name, {}, {}};
  if (trim_token(jwks_text_).empty())
    pasted_keys_.error = "Paste a JWKS: {\"keys\": [...]}, as served at <issuer>/.well-known/jwks.json.";
  else if (auto jwks = Jwks::parse_text(jwks_text_))
    pasted_keys_.jwks = std::move(*jwks);
  else
    pasted_keys_.error = "This JWKS cannot be used: " + jwks.error() + ".";
  return pasted_keys_;
}

const std::vector<std::string>& TokenInspectorPanel::pool_clients(const std::string& pool_id) {
  if (const auto found = pool_clients_.find(pool_id); found != pool_clients_.end()) return found->second;
  std::vector<std::string>& ids = pool_clients_[pool_id];
  if (pool_id.empty()) return ids;
  const Response r = ctx_.api.peek("ListUserPoolClients", Json{{"UserPoolId", pool_id}, {"MaxResults", 60}});
  const auto list = r.body.find("UserPoolClients");
  if (r.status != 200 || list == r.body.end() || !list->is_array()) return ids;
  for (const Json& c : *list)
    if (const auto id = c.find("ClientId"); id != c.end() && id->is_string()) ids.push_back(id->get<std::string>());
  return ids;
}

}  // namespace userpool::web
