// Managed login branding (API Reference: CreateManagedLoginBranding,
// UpdateManagedLoginBranding, DescribeManagedLoginBranding,
// DescribeManagedLoginBrandingByClient, DeleteManagedLoginBranding;
// Developer Guide: "Apply branding to managed login pages"): the style of an
// app client's pages when its domain serves managed login (version 2). One
// style per client; a client without one has no working version-2 pages.
#include "core/ops/managed_login_branding.h"

#include <algorithm>

#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/base/identifiers.h"
#include "core/ops/common.h"

namespace userpool::ops {
namespace {

constexpr std::size_t kMaxAssets = 40;
constexpr std::size_t kMaxAssetBytes = 1000000;

bool one_of(const std::string& value, std::initializer_list<std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

std::string enum_list(std::initializer_list<std::string_view> allowed) {
  std::string out = "[";
  for (const auto& a : allowed) out += (out.size() > 1 ? ", " : "") + std::string(a);
  return out + "]";
}

void check_enum(const Request& r, const char* member, const std::string& value, std::initializer_list<std::string_view> allowed) {
  if (!one_of(value, allowed))
    fail_validation(r.path_of(member), "'" + value + "'", "Member must satisfy enum value set: " + enum_list(allowed));
}

// Assets: images by category and colour mode, their bytes base64 as the API carries them.
Json read_assets(const Request& r) {
  Json assets = Json::array();
  for (const Request& a : r.list("Assets", 0, kMaxAssets)) {
    const std::string category = a.string("Category");
    check_enum(a, "Category", category,
               {"FAVICON_ICO", "FAVICON_SVG", "EMAIL_GRAPHIC", "SMS_GRAPHIC", "AUTH_APP_GRAPHIC", "PASSWORD_GRAPHIC",
                "PASSKEY_GRAPHIC", "PAGE_HEADER_LOGO", "PAGE_HEADER_BACKGROUND", "PAGE_FOOTER_LOGO",
                "PAGE_FOOTER_BACKGROUND", "PAGE_BACKGROUND", "FORM_BACKGROUND", "FORM_LOGO", "IDP_BUTTON_ICON"});
    const std::string mode = a.string("ColorMode");
    check_enum(a, "ColorMode", mode, {"LIGHT", "DARK", "DYNAMIC"});
    const std::string extension = a.string("Extension");
    check_enum(a, "Extension", extension, {"ICO", "JPEG", "PNG", "SVG", "WEBP"});
    Json asset = {{"Category", category}, {"ColorMode", mode}, {"Extension", extension}};
    if (const auto bytes = a.optional_string("Bytes")) {
      const auto decoded = base64_decode(*bytes);
      if (!decoded) fail_serialization("Base64 encoded value could not be decoded: Bytes");
      if (decoded->size() > kMaxAssetBytes)
        fail_validation(a.path_of("Bytes"), "byte array of length " + std::to_string(decoded->size()),
                        "Member must have length less than or equal to " + std::to_string(kMaxAssetBytes));
      asset["Bytes"] = *bytes;
    }
    StringShape resource_id{1, 40, "^[\\w\\- ]+$", nullptr};
    if (const auto id = a.optional_string("ResourceId", resource_id)) asset["ResourceId"] = *id;
    // One asset per category and colour mode: a later one replaces it.
    for (auto it = assets.begin(); it != assets.end(); ++it)
      if ((*it)["Category"] == category && (*it)["ColorMode"] == mode) {
        assets.erase(it);
        break;
      }
    assets.push_back(std::move(asset));
  }
  return assets;
}

// Settings and Assets, or UseCognitoProvidedValues, which excludes them.
void read_style(const Request& r, ManagedLoginBranding& b, bool update) {
  const bool cognito_values = r.optional_bool("UseCognitoProvidedValues").value_or(false);
  const Json* settings = r.optional_object("Settings");
  if (cognito_values && (settings != nullptr || r.has("Assets")))
    fail_invalid_parameter("Settings and Assets cannot be provided when UseCognitoProvidedValues is true.");
  if (cognito_values) {
    b.use_cognito_provided_values = true;
    b.settings = Json::object();
    b.assets = Json::array();
    return;
  }
  if (settings != nullptr) {
    // What a request leaves unspecified keeps its value.
    if (update) b.settings.merge_patch(*settings);
    else b.settings = *settings;
    b.use_cognito_provided_values = false;
  }
  if (r.has("Assets")) {
    b.assets = read_assets(r);
    b.use_cognito_provided_values = false;
  }
}

Json branding_json(const UserPool& pool, const ManagedLoginBranding& b, bool merged) {
  return Json{{"ManagedLoginBranding",
               {{"ManagedLoginBrandingId", b.id}, {"UserPoolId", pool.id}, {"UseCognitoProvidedValues", b.use_cognito_provided_values},
                {"Settings", merged ? merged_managed_login_settings(b) : b.settings}, {"Assets", b.assets},
                {"CreationDate", to_epoch_seconds(b.created)}, {"LastModifiedDate", to_epoch_seconds(b.last_modified)}}}};
}

ManagedLoginBranding& require_branding(UserPool& pool, const Request& r) {
  const StringShape id_shape{36, 36, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$",
                             is_uuid};
  const std::string id = r.string("ManagedLoginBrandingId", id_shape);
  const auto it = std::find_if(pool.brandings.begin(), pool.brandings.end(), [&](const auto& b) { return b.id == id; });
  // UNVERIFIED: the message.
  if (it == pool.brandings.end()) fail_resource_not_found("Managed login branding " + id + " does not exist.");
  return *it;
}

Json create_managed_login_branding(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  ManagedLoginBranding b;
  read_style(r, b, false);
  if (pool.find_branding_by_client(client.client_id) != nullptr)
    fail("ManagedLoginBrandingExistsException", "A managed login branding style already exists for this app client.",
         "One style per app client: update it (UpdateManagedLoginBranding) or delete it first");
  b.id = generate_uuid_v4(ctx.random());
  b.client_id = client.client_id;
  b.created = b.last_modified = ctx.now;
  ctx.rule("The app client's managed login pages (domain version 2) now use this style");
  pool.brandings.push_back(std::move(b));
  return branding_json(pool, pool.brandings.back(), false);
}

Json update_managed_login_branding(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  ManagedLoginBranding& current = require_branding(pool, r);
  ManagedLoginBranding b = current;
  read_style(r, b, true);
  b.last_modified = ctx.now;
  current = std::move(b);
  return branding_json(pool, current, false);
}

Json describe_managed_login_branding(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const ManagedLoginBranding& b = require_branding(pool, r);
  return branding_json(pool, b, r.optional_bool("ReturnMergedResources").value_or(false));
}

Json describe_managed_login_branding_by_client(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  AppClient& client = require_client_in(ctx, pool, r.string("ClientId", shapes::kClientId));
  const ManagedLoginBranding* b = pool.find_branding_by_client(client.client_id);
  if (b == nullptr) fail_resource_not_found("The app client " + client.client_id + " has no managed login branding style.");
  return branding_json(pool, *b, r.optional_bool("ReturnMergedResources").value_or(false));
}

Json delete_managed_login_branding(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string id = require_branding(pool, r).id;
  std::erase_if(pool.brandings, [&](const ManagedLoginBranding& b) { return b.id == id; });
  ctx.rule("The app client's managed login pages stop working until it has a style again");
  return Json::object();
}

}  // namespace

const Json& managed_login_default_settings() {
  static const Json defaults = Json::parse(R"({
    "categories": {"global": {"colorSchemeMode": "LIGHT"}},
    "components": {
      "pageBackground": {"lightMode": {"color": "ffffffff"}, "darkMode": {"color": "0f1b2aff"}},
      "form": {"lightMode": {"backgroundColor": "ffffffff", "borderColor": "c6c6cdff"},
               "darkMode": {"backgroundColor": "0f1b2aff", "borderColor": "424650ff"}},
      "primaryButton": {"lightMode": {"defaults": {"backgroundColor": "0972d3ff", "textColor": "ffffffff"}},
                        "darkMode": {"defaults": {"backgroundColor": "539fe5ff", "textColor": "000716ff"}}},
      "pageText": {"lightMode": {"headingColor": "000716ff", "bodyColor": "414d5cff"},
                   "darkMode": {"headingColor": "e9ebedff", "bodyColor": "c6c6cdff"}}
    }
  })");
  return defaults;
}

Json merged_managed_login_settings(const ManagedLoginBranding& branding) {
  Json merged = managed_login_default_settings();
  if (!branding.use_cognito_provided_values) merged.merge_patch(branding.settings);
  return merged;
}

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& managed_login_branding_operations() {
  static const OperationTable table = {
      {"CreateManagedLoginBranding", create_managed_login_branding, OperationKind::kChange},
      {"UpdateManagedLoginBranding", update_managed_login_branding, OperationKind::kChange},
      {"DescribeManagedLoginBranding", describe_managed_login_branding, OperationKind::kRead},
      {"DescribeManagedLoginBrandingByClient", describe_managed_login_branding_by_client, OperationKind::kRead},
      {"DeleteManagedLoginBranding", delete_managed_login_branding, OperationKind::kChange},
  };
  return table;
}

}  // namespace userpool::ops
