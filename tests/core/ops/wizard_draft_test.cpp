// Sandbox.*WizardDraft: the wizard's unfinished form kept with the sandbox,
// so it survives a reload (it is in the saved state) and lessons can fill it
// in step by step through the API.
#include "core/api/state.h"
#include "tests/core/harness/harness.h"

using namespace userpool;
using namespace userpool::test;

TEST_CASE("A wizard draft is kept, merged with a patch, read back and discarded") {
  Sandbox s;
  CHECK(s.ok("Sandbox.GetWizardDraft", Json::object()) == Json::object());  // none yet
  s.ok("Sandbox.PutWizardDraft", {{"Draft", {{"Step", 1}, {"Choices", {{"Mfa", "Require MFA"}, {"UserPoolName", ""}}}}}});
  const Json merged = s.ok("Sandbox.UpdateWizardDraft",
                           {{"Patch", {{"Step", 2}, {"Choices", {{"Mfa", "No MFA"}, {"UserPoolName", nullptr}}}}}})["Draft"];
  CHECK(merged == Json{{"Step", 2}, {"Choices", {{"Mfa", "No MFA"}}}});
  CHECK(s.ok("Sandbox.GetWizardDraft", Json::object())["Draft"] == merged);
  s.ok("Sandbox.DeleteWizardDraft", Json::object());
  CHECK(s.ok("Sandbox.GetWizardDraft", Json::object()) == Json::object());
}

TEST_CASE("A wizard draft must be a JSON object of at most 64 KB") {
  Sandbox s;
  CHECK(s.error("Sandbox.PutWizardDraft", Json::object()).type == "InvalidParameterException");
  CHECK(s.error("Sandbox.PutWizardDraft", {{"Draft", "a string"}}).type == "SerializationException");
  CHECK(s.error("Sandbox.UpdateWizardDraft", {{"Patch", Json::array()}}).type == "SerializationException");
  const ApiError big = s.error("Sandbox.PutWizardDraft", {{"Draft", {{"Notes", std::string(70 * 1024, 'x')}}}});
  CHECK(big.message == "The wizard draft is larger than 64 KB; it was not kept.");
  CHECK(s.ok("Sandbox.GetWizardDraft", Json::object()) == Json::object());
}

TEST_CASE("The wizard draft is saved with the state, and Reset discards it") {
  Sandbox s;
  const Json plain = s.ok("Sandbox.ExportState", Json::object())["State"];
  CHECK_FALSE(plain.contains("WizardDraft"));  // a sandbox without a wizard open saves as before
  s.ok("Sandbox.PutWizardDraft", {{"Draft", {{"Step", 3}}}});
  const Json state = s.ok("Sandbox.ExportState", Json::object())["State"];
  CHECK(state["WizardDraft"] == Json{{"Step", 3}});

  Sandbox other;
  other.ok("Sandbox.ImportState", {{"State", state}});
  CHECK(other.ok("Sandbox.GetWizardDraft", Json::object())["Draft"] == Json{{"Step", 3}});
  other.ok("Sandbox.ImportState", {{"State", plain}});  // an older state has none
  CHECK(other.ok("Sandbox.GetWizardDraft", Json::object()) == Json::object());

  Json damaged = state;
  damaged["WizardDraft"] = 5;
  const ApiError refused = other.error("Sandbox.ImportState", {{"State", damaged}});
  CHECK(refused.message.find("damaged at WizardDraft") != std::string::npos);

  s.ok("Sandbox.Reset", Json::object());
  CHECK(s.ok("Sandbox.GetWizardDraft", Json::object()) == Json::object());
}
