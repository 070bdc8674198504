// Managed login branding (API Reference: CreateManagedLoginBranding,
// UpdateManagedLoginBranding, DescribeManagedLoginBranding[ByClient],
// DeleteManagedLoginBranding): one style per app client, settings kept
// verbatim and merged over Cognito's when asked, assets checked,
// UseCognitoProvidedValues exclusive with both.
#include "core/base/encoding.h"
#include "core/base/identifiers.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

const Json kButton = {{"components", {{"primaryButton", {{"lightMode", {{"defaults", {{"backgroundColor", "1e7b34ff"}}}}}}}}}};
const std::string kPng = base64_encode(Bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

}  // namespace

TEST_CASE("CreateManagedLoginBranding gives a client one style, found by its ID or by the client") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string client = s.create_client(pool);
  const Json made = s.ok("CreateManagedLoginBranding",
                         {{"UserPoolId", pool}, {"ClientId", client}, {"Settings", kButton},
                          {"Assets", {{{"Category", "FORM_LOGO"}, {"ColorMode", "LIGHT"}, {"Extension", "PNG"}, {"Bytes", kPng}}}}})["ManagedLoginBranding"];
  const std::string id = made["ManagedLoginBrandingId"];
  CHECK(is_uuid(id));
  CHECK(made["UserPoolId"] == pool);
  CHECK(made["UseCognitoProvidedValues"] == false);
  CHECK(made["Settings"] == kButton);
  CHECK(made["Assets"] == Json::array({{{"Category", "FORM_LOGO"}, {"ColorMode", "LIGHT"}, {"Extension", "PNG"}, {"Bytes", kPng}}}));
  CHECK(s.ok("DescribeManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", id}})["ManagedLoginBranding"] == made);
  CHECK(s.ok("DescribeManagedLoginBrandingByClient", {{"UserPoolId", pool}, {"ClientId", client}})["ManagedLoginBranding"] == made);
  // Merged: the style's values over Cognito's defaults.
  const Json merged = s.ok("DescribeManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", id},
                                                            {"ReturnMergedResources", true}})["ManagedLoginBranding"]["Settings"];
  CHECK(merged["components"]["primaryButton"]["lightMode"]["defaults"]["backgroundColor"] == "1e7b34ff");
  CHECK(merged["components"]["primaryButton"]["lightMode"]["defaults"]["textColor"] == "ffffffff");
  CHECK(merged["components"]["pageBackground"]["lightMode"]["color"] == "ffffffff");
  // One per client.
  CHECK(failure(s, "CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client}, {"UseCognitoProvidedValues", true}}) ==
        Failure{"ManagedLoginBrandingExistsException", "A managed login branding style already exists for this app client."});
}

TEST_CASE("UseCognitoProvidedValues excludes Settings and Assets") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string client = s.create_client(pool);
  CHECK(failure(s, "CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client}, {"UseCognitoProvidedValues", true},
                                                  {"Settings", kButton}}) ==
        invalid("Settings and Assets cannot be provided when UseCognitoProvidedValues is true."));
  const Json made = s.ok("CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client}, {"UseCognitoProvidedValues", true}})["ManagedLoginBranding"];
  CHECK(made["UseCognitoProvidedValues"] == true);
  CHECK(made["Settings"] == Json::object());
  const std::string id = made["ManagedLoginBrandingId"];
  // Updating with settings leaves Cognito's values.
  s.advance(1min);
  const Json updated = s.ok("UpdateManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", id}, {"Settings", kButton}})["ManagedLoginBranding"];
  CHECK(updated["UseCognitoProvidedValues"] == false);
  CHECK(updated["Settings"] == kButton);
  CHECK(updated["CreationDate"] == made["CreationDate"]);
  CHECK(updated["LastModifiedDate"] == to_epoch_seconds(kStart + 1min));
  // An update merges: what it leaves out keeps its value.
  const Json text = {{"components", {{"primaryButton", {{"lightMode", {{"defaults", {{"textColor", "000000ff"}}}}}}}}}};
  const Json both = s.ok("UpdateManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", id}, {"Settings", text}})["ManagedLoginBranding"];
  CHECK(both["Settings"]["components"]["primaryButton"]["lightMode"]["defaults"] == Json{{"backgroundColor", "1e7b34ff"}, {"textColor", "000000ff"}});
  // And back to Cognito's.
  const Json reset = s.ok("UpdateManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", id}, {"UseCognitoProvidedValues", true}})["ManagedLoginBranding"];
  CHECK(reset["Settings"] == Json::object());
}

TEST_CASE("Managed login branding refuses bad assets, unknown styles and clients") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string client = s.create_client(pool);
  CHECK(failure(s, "CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client},
                                                  {"Assets", {{{"Category", "LOGO"}, {"ColorMode", "LIGHT"}, {"Extension", "PNG"}}}}}) ==
        validation("Value 'LOGO' at 'assets.1.member.category' failed to satisfy constraint: Member must satisfy enum value set: "
                   "[FAVICON_ICO, FAVICON_SVG, EMAIL_GRAPHIC, SMS_GRAPHIC, AUTH_APP_GRAPHIC, PASSWORD_GRAPHIC, PASSKEY_GRAPHIC, "
                   "PAGE_HEADER_LOGO, PAGE_HEADER_BACKGROUND, PAGE_FOOTER_LOGO, PAGE_FOOTER_BACKGROUND, PAGE_BACKGROUND, "
                   "FORM_BACKGROUND, FORM_LOGO, IDP_BUTTON_ICON]"));
  CHECK(failure(s, "CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client},
                                                  {"Assets", {{{"Category", "FORM_LOGO"}, {"ColorMode", "SEPIA"}, {"Extension", "PNG"}}}}}) ==
        validation("Value 'SEPIA' at 'assets.1.member.colorMode' failed to satisfy constraint: Member must satisfy enum value set: [LIGHT, DARK, DYNAMIC]"));
  CHECK(failure(s, "CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client},
                                                  {"Assets", {{{"Category", "FORM_LOGO"}, {"ColorMode", "LIGHT"}, {"Extension", "PNG"}, {"Bytes", "%%"}}}}}) ==
        serialization("Base64 encoded value could not be decoded: Bytes"));
  CHECK(failure(s, "CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", "nosuchclient0000000000000"}}) ==
        Failure{"ResourceNotFoundException", "User pool client nosuchclient0000000000000 does not exist."});
  const std::string unknown = "0f1e2d3c-aaaa-4bbb-8ccc-123456789abc";
  CHECK(failure(s, "DescribeManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", unknown}}) ==
        Failure{"ResourceNotFoundException", "Managed login branding " + unknown + " does not exist."});
  CHECK(failure(s, "DescribeManagedLoginBrandingByClient", {{"UserPoolId", pool}, {"ClientId", client}}).type == "ResourceNotFoundException");
  CHECK(failure(s, "DeleteManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", "not-a-uuid"}}).type == "InvalidParameterException");
}

TEST_CASE("DeleteManagedLoginBranding removes the style; styles are kept in the saved state") {
  Sandbox s;
  const std::string pool = s.create_pool();
  const std::string client = s.create_client(pool);
  const std::string kept = s.create_client(pool);
  const std::string id = s.ok("CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", client}, {"Settings", kButton}})
                             ["ManagedLoginBranding"]["ManagedLoginBrandingId"];
  s.ok("CreateManagedLoginBranding", {{"UserPoolId", pool}, {"ClientId", kept}, {"Settings", kButton}});
  const Json state = s.ok("Sandbox.ExportState", Json::object())["State"];
  Sandbox t;
  t.ok("Sandbox.ImportState", {{"State", state}});
  CHECK(Json::diff(state, t.ok("Sandbox.ExportState", Json::object())["State"]) == Json::array());
  CHECK(t.ok("DescribeManagedLoginBrandingByClient", {{"UserPoolId", pool}, {"ClientId", kept}}) ==
        s.ok("DescribeManagedLoginBrandingByClient", {{"UserPoolId", pool}, {"ClientId", kept}}));
  CHECK(s.ok("DeleteManagedLoginBranding", {{"UserPoolId", pool}, {"ManagedLoginBrandingId", id}}) == Json::object());
  CHECK(failure(s, "DescribeManagedLoginBrandingByClient", {{"UserPoolId", pool}, {"ClientId", client}}).type == "ResourceNotFoundException");
  // A style goes with its client.
  s.ok("DeleteUserPoolClient", {{"UserPoolId", pool}, {"ClientId", kept}});
  CHECK(s.account.find_pool(pool)->brandings.empty());
}
