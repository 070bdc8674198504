// The sandbox's SAML signatures against an independent implementation:
// Debian's xmlsec1 (libxmlsec1 over libxml2's canonicalization and
// OpenSSL) verifies a Response the simulated provider signed, and refuses
// it once changed; and a Response xmlsec1 signed, indented as people write
// XML, is accepted by the pool's reader. Native only: it runs a program.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/base/encoding.h"
#include "core/saml/saml_response.h"
#include "tests/core/saml/saml_fixture.h"

using namespace userpool;
using namespace userpool::test;

namespace {

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("userpool-xmlsec1-" + std::to_string(std::rand()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& content) const {
    const auto file = path / name;
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }
};

// xmlsec1's exit status and what it printed.
std::pair<int, std::string> xmlsec1(const std::string& arguments, const TempDir& dir) {
  const std::string log = (dir.path / "xmlsec1.log").string();
  const int status = std::system((std::string(USERPOOL_XMLSEC1) + " " + arguments + " >" + log + " 2>&1").c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return {status, text.str()};
}

const char* kIdAttribute = "--id-attr:ID urn:oasis:names:tc:SAML:2.0:assertion:Assertion";

}  // namespace

TEST_CASE("xmlsec1 verifies the simulated provider's signed Response, and refuses it changed") {
  TempDir dir;
  const std::string cert = dir.write("idp.der", std::string(saml_provider().certificate_der.begin(), saml_provider().certificate_der.end()));
  const std::string response = saml::write_signed_response(sample_assertion(), saml_provider().key, saml_provider().certificate_der);
  const std::string good = dir.write("response.xml", response);
  auto [status, output] = xmlsec1(std::string("--verify --pubkey-cert-der ") + cert + " " + kIdAttribute + " " + good, dir);
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("OK") != std::string::npos);

  std::string changed = response;
  changed.replace(changed.find("jane@example.com</saml:NameID>"), 16, "mallory@example.");
  const std::string bad = dir.write("changed.xml", changed);
  std::tie(status, output) = xmlsec1(std::string("--verify --pubkey-cert-der ") + cert + " " + kIdAttribute + " " + bad, dir);
  INFO(output);
  CHECK(status != 0);
}

TEST_CASE("A Response xmlsec1 signed, indented with line breaks, passes the pool's checks") {
  TempDir dir;
  const std::string key = dir.write("idp.pem", saml_provider().key.private_pem());
  const std::string cert = dir.write("idp.der", std::string(saml_provider().certificate_der.begin(), saml_provider().certificate_der.end()));
  const std::string issued = to_iso8601(kSamlNow), until = to_iso8601(kSamlNow + std::chrono::minutes(5));
  // A template: the Signature's values empty, for xmlsec1 to fill in.
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r9\" Version=\"2.0\" IssueInstant=\"" + issued + "\">\n"
      "  <saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + kIdpEntity + "</saml:Issuer>\n"
      "  <samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>\n"
      "  <saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n"
      "                  Version=\"2.0\" ID=\"_a9\" IssueInstant=\"" + issued + "\">\n"
      "    <saml:Issuer>" + kIdpEntity + "</saml:Issuer>\n"
      "    <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n"
      "      <ds:SignedInfo>\n"
      "        <ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n"
      "        <ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>\n"
      "        <ds:Reference URI=\"#_a9\">\n"
      "          <ds:Transforms>\n"
      "            <ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>\n"
      "            <ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>\n"
      "          </ds:Transforms>\n"
      "          <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
      "          <ds:DigestValue/>\n"
      "        </ds:Reference>\n"
      "      </ds:SignedInfo>\n"
      "      <ds:SignatureValue/>\n"
      "    </ds:Signature>\n"
      "    <saml:Subject>\n"
      "      <saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\">bob.persistent.id</saml:NameID>\n"
      "      <saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">\n"
      "        <saml:SubjectConfirmationData InResponseTo=\"_req1\" NotOnOrAfter=\"" + until + "\" Recipient=\"" + kAcs + "\"/>\n"
      "      </saml:SubjectConfirmation>\n"
      "    </saml:Subject>\n"
      "    <saml:Conditions NotBefore=\"" + issued + "\" NotOnOrAfter=\"" + until + "\">\n"
      "      <saml:AudienceRestriction><saml:Audience>" + kSpEntity + "</saml:Audience></saml:AudienceRestriction>\n"
      "    </saml:Conditions>\n"
      "    <saml:AttributeStatement>\n"
      "      <saml:Attribute Name=\"email\"><saml:AttributeValue>bob@example.com</saml:AttributeValue></saml:Attribute>\n"
      "    </saml:AttributeStatement>\n"
      "  </saml:Assertion>\n"
      "</samlp:Response>\n";
  const std::string tmpl = dir.write("template.xml", xml);
  const std::string out = (dir.path / "signed.xml").string();
  auto [status, output] = xmlsec1(std::string("--sign --privkey-pem ") + key + " " + kIdAttribute + " --output " + out + " " + tmpl, dir);
  INFO(output);
  REQUIRE(status == 0);
  std::ifstream in(out);
  std::stringstream signed_xml;
  signed_xml << in.rdbuf();
  const auto read = saml::read_response(signed_xml.str(), sample_expectations());
  INFO(signed_xml.str());
  INFO((read ? "" : read.error()));
  REQUIRE(read);
  CHECK(read->name_id == "bob.persistent.id");
  CHECK(read->attributes.at("email") == std::vector<std::string>{"bob@example.com"});
}
