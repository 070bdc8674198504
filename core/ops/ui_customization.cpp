// The classic hosted UI's look (API Reference: SetUICustomization,
// GetUICustomization; Developer Guide: "Customizing hosted UI (classic)
// branding"): CSS for Cognito's -customizable classes and a logo, for every
// app client of the pool ("ALL") or for one, which then no longer falls back
// to the pool's.
#include "core/api/api_error.h"
#include "core/api/registry.h"
#include "core/base/encoding.h"
#include "core/ops/common.h"
#include "core/rules/hosted_ui_css.h"

namespace userpool::ops {
namespace {

// The model's bounds: CSS up to 131,072 characters, the logo up to 131,072
// bytes (the guide advises 100 KB, which base64 makes about 130 KB).
constexpr std::size_t kMaxCss = 131072;
constexpr std::size_t kMaxImageBytes = 131072;

// The ClientId a request names: an app client of the pool, or "ALL" (also
// when the request leaves it out).
std::string customization_client(OpContext& ctx, UserPool& pool, const Request& r) {
  const std::string client_id = r.optional_string("ClientId", shapes::kClientId).value_or("ALL");
  if (client_id != "ALL") require_client_in(ctx, pool, client_id);
  return client_id;
}

// "png" or "jpeg", by the file's first bytes; the guide allows PNG, JPG and JPEG.
std::string image_type(const Bytes& image) {
  if (image.size() >= 8 && image[0] == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') return "png";
  if (image.size() >= 3 && image[0] == 0xFF && image[1] == 0xD8 && image[2] == 0xFF) return "jpeg";
  // UNVERIFIED: the message for a logo that is neither.
  fail_invalid_parameter("The image file must be a PNG or JPEG image.");
}

// Where Cognito serves a customization's logo: its CloudFront assets
// location, in the form Cognito answers with (the path's parts are the
// pool, the client and the CSS version; the form is observed, not documented).
std::string image_url(const UserPool& pool, const UICustomization& c) {
  if (c.image_file.empty()) return {};
  return "https://d3oia8etllorh5.cloudfront.net/" + pool.id + "/" + c.client_id + "/" + to_compact_timestamp(c.last_modified) +
         "/assets/images/image." + (c.image_type == "png" ? "png" : "jpg");
}

Json customization_json(const UserPool& pool, const UICustomization& c) {
  Json j = {{"UserPoolId", pool.id}, {"ClientId", c.client_id}};
  if (!c.image_file.empty()) j["ImageUrl"] = image_url(pool, c);
  if (!c.css.empty()) j["CSS"] = c.css;
  j["CSSVersion"] = to_compact_timestamp(c.last_modified);
  j["LastModifiedDate"] = to_epoch_seconds(c.last_modified);
  j["CreationDate"] = to_epoch_seconds(c.created);
  return j;
}

Json set_ui_customization(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string client_id = customization_client(ctx, pool, r);
  StringShape css_shape;
  css_shape.max = kMaxCss;
  const std::string css = r.optional_string("CSS", css_shape).value_or("");
  const std::string image_file = r.optional_string("ImageFile").value_or("");
  // The wording Cognito gives a pool without a domain (the pages have
  // nowhere to be served), as users quote it.
  if (!pool.domain && !pool.custom_domain)
    fail_invalid_parameter("There has to be an existing domain associated with this user pool",
                           "The hosted pages are served on the pool's domain: create one first (CreateUserPoolDomain)");
  if (auto why = hosted_ui_css::problem(css)) fail_invalid_parameter(*why, "Only Cognito's -customizable classes and a short list of properties may be styled");
  std::string type;
  if (!image_file.empty()) {
    const auto image = base64_decode(image_file);
    if (!image) fail_serialization("Base64 encoded value could not be decoded: ImageFile");
    if (image->size() > kMaxImageBytes)
      fail_validation("imageFile", "byte array of length " + std::to_string(image->size()),
                      "Member must have length less than or equal to " + std::to_string(kMaxImageBytes));
    type = image_type(*image);
  }
  UICustomization& c = pool.ui_customizations[client_id];
  if (c.client_id.empty()) {
    c.client_id = client_id;
    c.created = ctx.now;
  }
  // CSS and logo are set together: what the request leaves out is removed.
  c.css = css;
  c.image_file = image_file;
  c.image_type = type;
  c.last_modified = ctx.now;
  ctx.rule(client_id == "ALL" ? "The pool's default look: every app client without its own customization uses it"
                              : "This app client's own look: it no longer falls back to the pool's (ALL) customization");
  return Json{{"UICustomization", customization_json(pool, c)}};
}

Json get_ui_customization(OpContext& ctx, const Request& r) {
  UserPool& pool = require_pool(ctx, r.string("UserPoolId", shapes::kUserPoolId));
  const std::string client_id = customization_client(ctx, pool, r);
  const UICustomization* c = pool.ui_customization_for(client_id);
  return Json{{"UICustomization", c != nullptr ? customization_json(pool, *c) : Json::object()}};
}

}  // namespace

// The operations of this file, for the registry (core/api/registry.h).
const OperationTable& ui_customization_operations() {
  static const OperationTable table = {
      {"SetUICustomization", set_ui_customization, OperationKind::kChange},
      {"GetUICustomization", get_ui_customization, OperationKind::kRead},
  };
  return table;
}

}  // namespace userpool::ops
