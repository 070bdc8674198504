// The classic hosted UI's look (API Reference: SetUICustomization,
// GetUICustomization): a domain first, CSS and logo set together, the
// pool's default ("ALL") and a client's own, which no longer falls back.
#include "core/base/encoding.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;
using namespace std::chrono_literals;

namespace {

// The smallest PNG and JPEG headers, enough for the type to be recognised.
const std::string kLogoPng = base64_encode(Bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
const std::string kLogoJpeg = base64_encode(Bytes{0xFF, 0xD8, 0xFF, 0xE0, 0, 16});
const std::string kCss = ".submitButton-customizable { background-color: #1e7b34; }";

std::string pool_with_domain(Sandbox& s) {
  const std::string pool = s.create_pool();
  s.ok("CreateUserPoolDomain", {{"UserPoolId", pool}, {"Domain", "look-test"}});
  return pool;
}

}  // namespace

TEST_CASE("SetUICustomization needs the pool to have a domain") {
  Sandbox s;
  const std::string pool = s.create_pool();
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"CSS", kCss}}) ==
        invalid("There has to be an existing domain associated with this user pool"));
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", "us-east-1_missing01"}, {"CSS", kCss}}) ==
        Failure{"ResourceNotFoundException", "User pool us-east-1_missing01 does not exist."});
}

TEST_CASE("SetUICustomization for ALL is the look of every client without its own") {
  Sandbox s;
  const std::string pool = pool_with_domain(s);
  const std::string client = s.create_client(pool);
  const Json set = s.ok("SetUICustomization", {{"UserPoolId", pool}, {"ClientId", "ALL"}, {"CSS", kCss}, {"ImageFile", kLogoPng}});
  const Json expected = {{"UserPoolId", pool},
                         {"ClientId", "ALL"},
                         {"ImageUrl", "https://d3oia8etllorh5.cloudfront.net/" + pool + "/ALL/20260115100000/assets/images/image.png"},
                         {"CSS", kCss},
                         {"CSSVersion", "20260115100000"},
                         {"LastModifiedDate", to_epoch_seconds(kStart)},
                         {"CreationDate", to_epoch_seconds(kStart)}};
  CHECK(set == Json{{"UICustomization", expected}});
  // A client without its own gets the pool's, as the pool's.
  CHECK(s.ok("GetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}}) == set);
  CHECK(s.ok("GetUICustomization", {{"UserPoolId", pool}}) == set);
}

TEST_CASE("A client's own customization replaces the pool's for it, and CSS and logo are set together") {
  Sandbox s;
  const std::string pool = pool_with_domain(s);
  const std::string client = s.create_client(pool);
  const std::string other = s.create_client(pool);
  CHECK(s.ok("GetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}}) == Json{{"UICustomization", Json::object()}});
  s.ok("SetUICustomization", {{"UserPoolId", pool}, {"CSS", kCss}, {"ImageFile", kLogoPng}});
  s.advance(1min);
  const Json own = s.ok("SetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}, {"ImageFile", kLogoJpeg}})["UICustomization"];
  CHECK(own["ClientId"] == client);
  CHECK_FALSE(own.contains("CSS"));  // not carried over from ALL: no fallback once a client has its own
  CHECK(own["ImageUrl"].get<std::string>().ends_with("/" + client + "/20260115100100/assets/images/image.jpg"));
  CHECK(s.ok("GetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}})["UICustomization"] == own);
  CHECK(s.ok("GetUICustomization", {{"UserPoolId", pool}, {"ClientId", other}})["UICustomization"]["ClientId"] == "ALL");
  // Setting again without the logo removes it: the two are one setting.
  s.advance(1min);
  const Json css_only = s.ok("SetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}, {"CSS", kCss}})["UICustomization"];
  CHECK_FALSE(css_only.contains("ImageUrl"));
  CHECK(css_only["CreationDate"] == own["CreationDate"]);
  CHECK(css_only["LastModifiedDate"] != own["LastModifiedDate"]);
  // Deleting the client removes its look.
  s.ok("DeleteUserPoolClient", {{"UserPoolId", pool}, {"ClientId", client}});
  CHECK(s.account.find_pool(pool)->ui_customizations.count(client) == 0);
}

TEST_CASE("SetUICustomization refuses CSS Cognito refuses, a logo that is not PNG or JPEG, and unknown clients") {
  Sandbox s;
  const std::string pool = pool_with_domain(s);
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"CSS", "body { color: red; }"}}) ==
        invalid("The selector body is not allowed: only Cognito's -customizable classes may be styled."));
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"ImageFile", base64_encode(to_bytes("GIF89a...."))}}) ==
        invalid("The image file must be a PNG or JPEG image."));
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"ImageFile", "***"}}) ==
        serialization("Base64 encoded value could not be decoded: ImageFile"));
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"ImageFile", base64_encode(Bytes(131073, 0xFF))}}) ==
        validation("Value byte array of length 131073 at 'imageFile' failed to satisfy constraint: Member must have length less than or equal to 131072"));
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"ClientId", "nosuchclient0000000000000"}, {"CSS", kCss}}) ==
        Failure{"ResourceNotFoundException", "User pool client nosuchclient0000000000000 does not exist."});
  CHECK(failure(s, "SetUICustomization", {{"UserPoolId", pool}, {"CSS", std::string(131073, ' ')}}).message.find("131072") != std::string::npos);
  CHECK(s.ok("GetUICustomization", {{"UserPoolId", pool}}) == Json{{"UICustomization", Json::object()}});
}

TEST_CASE("UI customizations are kept in the saved state") {
  Sandbox s;
  const std::string pool = pool_with_domain(s);
  const std::string client = s.create_client(pool);
  s.ok("SetUICustomization", {{"UserPoolId", pool}, {"CSS", kCss}, {"ImageFile", kLogoPng}});
  s.ok("SetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}, {"CSS", kCss}});
  const Json state = s.ok("Sandbox.ExportState", Json::object())["State"];
  Sandbox t;
  t.ok("Sandbox.ImportState", {{"State", state}});
  CHECK(Json::diff(state, t.ok("Sandbox.ExportState", Json::object())["State"]) == Json::array());
  CHECK(t.ok("GetUICustomization", {{"UserPoolId", pool}}) == s.ok("GetUICustomization", {{"UserPoolId", pool}}));
  CHECK(t.ok("GetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}}) ==
        s.ok("GetUICustomization", {{"UserPoolId", pool}, {"ClientId", client}}));
}
